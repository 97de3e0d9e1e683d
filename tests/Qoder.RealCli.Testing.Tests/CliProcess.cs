using System.Diagnostics;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>
/// The real qodercli as a child process speaking raw JSON lines (<see cref="JsonLinesProcess"/>); no SDK in between.
/// Dispose kills the whole tree, because the CLI lingers about 8.6 s after stdin EOF.
/// </summary>
internal sealed class CliProcess : JsonLinesProcess
{
    /// <summary>Guard against a hung CLI; not a speed expectation (a start takes 5–11 s here).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    private CliProcess(ProcessStartInfo startInfo)
        : base(startInfo, HangGuard)
    {
    }

    /// <summary>QODER_CLI_PATH when set; otherwise the pinned CLI, installed with npm into the cache on first use.</summary>
    public static string CliPath =>
        Environment.GetEnvironmentVariable("QODER_CLI_PATH") is { Length: > 0 } configured
            ? configured
#pragma warning disable RS0030, VSTHRD002 // Read by test fixtures, which have no synchronisation context to deadlock.
            : Qoder.AgentSdk.Transport.QoderCliInstaller.EnsureInstalledAsync().GetAwaiter().GetResult();
#pragma warning restore RS0030, VSTHRD002

    /// <summary>
    /// Starts the CLI. The environment is the host's minus every <c>QODER_*</c> variable and
    /// <c>NODE_OPTIONS</c>, plus <paramref name="environment"/>.
    /// </summary>
    public static CliProcess Start(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var cli = CliPath;
        var script = cli.EndsWith(".js", StringComparison.Ordinal);
        var startInfo = new ProcessStartInfo { FileName = script ? "node" : cli, WorkingDirectory = workingDirectory };
        if (script)
        {
            startInfo.ArgumentList.Add(cli);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("QODER_", StringComparison.Ordinal) || name == "NODE_OPTIONS")
            {
                startInfo.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return new CliProcess(startInfo);
    }
}
