using System.Globalization;
using System.Text;

namespace Qoder.RealCli.Testing;

/// <summary>
/// A shell script that stands in for the CLI path: it records each launch (arguments and <c>QODER_CONFIG_DIR</c>) and, for
/// a launch with its own <c>QODER_CONFIG_DIR</c> (a session materialised from a store), puts the backend mock's endpoint
/// cache into that directory before it runs the real CLI. Against the real backend nothing has to be added there: the
/// official SDKs copy only the login into a materialised directory, and the CLI finds the public hosts by itself.
/// </summary>
public sealed class RecordingCliWrapper
{
    private const string ConfigPrefix = "config=";

    private RecordingCliWrapper(string scriptPath, string launchDirectory)
    {
        ScriptPath = scriptPath;
        LaunchDirectory = launchDirectory;
    }

    /// <summary>The script to use as <c>QoderAgentOptions.CliPath</c>.</summary>
    public string ScriptPath { get; }

    /// <summary>The folder holding one record per launch.</summary>
    public string LaunchDirectory { get; }

    /// <summary>Writes the wrapper into <paramref name="directory"/>.</summary>
    /// <param name="directory">A folder owned by the test.</param>
    /// <param name="cliScript">The real CLI's <c>qodercli.js</c>.</param>
    /// <param name="mock">The mock whose endpoint cache a materialised config directory gets.</param>
    /// <returns>The wrapper.</returns>
    public static RecordingCliWrapper Create(string directory, string cliScript, QoderBackendMock mock)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(cliScript);
        ArgumentNullException.ThrowIfNull(mock);
        var launches = Directory.CreateDirectory(Path.Combine(directory, "launches")).FullName;
        var cache = Path.Combine(directory, "endpoint-cache.json");
        File.WriteAllText(cache, mock.EndpointCacheJson());
        var script = Path.Combine(directory, "qodercli-recording");
        var text = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append(CultureInfo.InvariantCulture, $"printf '%s\\n' \"{ConfigPrefix}${{QODER_CONFIG_DIR:-}}\" \"$@\" > '{launches}/launch-$$.txt'\n")
            .Append("if [ -n \"${QODER_CONFIG_DIR:-}\" ] && [ ! -f \"$QODER_CONFIG_DIR/.cache/endpoint-cache.json\" ]; then\n")
            .Append("  mkdir -p \"$QODER_CONFIG_DIR/.cache\"\n")
            .Append(CultureInfo.InvariantCulture, $"  cp '{cache}' \"$QODER_CONFIG_DIR/.cache/endpoint-cache.json\"\n")
            .Append("fi\n")
            .Append(CultureInfo.InvariantCulture, $"exec node '{cliScript}' \"$@\"\n")
            .ToString();
        File.WriteAllText(script, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new RecordingCliWrapper(script, launches);
    }

    /// <summary>
    /// Every launch recorded so far: its <c>QODER_CONFIG_DIR</c> (empty when unset) and its arguments, one per line (an
    /// argument with a line break in it spans several).
    /// </summary>
    /// <returns>The launches, in no particular order.</returns>
    public IReadOnlyList<(string ConfigDirectory, IReadOnlyList<string> Arguments)> Launches() =>
        [.. Directory.EnumerateFiles(LaunchDirectory, "launch-*.txt").Select(file =>
        {
            var lines = File.ReadAllLines(file);
            return (lines[0][ConfigPrefix.Length..], (IReadOnlyList<string>)lines[1..]);
        })];
}
