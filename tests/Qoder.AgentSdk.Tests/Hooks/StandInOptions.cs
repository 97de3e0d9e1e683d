using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Options that run a scenario on the scripted stand-in, headless.</summary>
internal static class StandInOptions
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static QoderAgentOptions For(StandInLaunch launch, string work)
    {
        var options = new QoderAgentOptions
        {
            CliPath = launch.CliPath,
            AutoInstallCli = false,
            WorkingDirectory = work,
            Auth = QoderAuth.Headless(),
            ShutdownGracePeriod = TimeSpan.FromSeconds(5),
        };
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }

        return options;
    }
}
