using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;

namespace Qoder.Reliability.Tests;

/// <summary>Client options that start the stand-in of a <see cref="StandInLaunch"/>.</summary>
internal static class StandInOptions
{
    public static QoderAgentOptions For(StandInLaunch launch, string workingDirectory, QoderAuth auth)
    {
        var options = new QoderAgentOptions { CliPath = launch.CliPath, WorkingDirectory = workingDirectory, AutoInstallCli = false, Auth = auth };
        ApplyTo(launch, options);
        return options;
    }

    public static void ApplyTo(StandInLaunch launch, QoderAgentOptions options)
    {
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }
    }
}
