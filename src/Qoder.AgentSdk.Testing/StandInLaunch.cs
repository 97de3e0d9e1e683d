using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Qoder.AgentSdk.Testing;

/// <summary>How to start the stand-in for a scenario: run <see cref="CliPath"/> and overlay <see cref="Environment"/>.</summary>
public sealed class StandInLaunch
{
    /// <summary>File name of the natively compiled stand-in, built beside the assembly where the toolchain allows.</summary>
    public const string NativeFileName = "qodercli-standin";

    /// <summary>Environment variable holding the scenario file path.</summary>
    public const string ScenarioVariable = "QODER_STANDIN_SCENARIO";

    /// <summary>
    /// Environment variable holding the record file path. A <see cref="ProcessIdPlaceholder"/> in it is replaced by the
    /// stand-in's process id, so that the processes of a pool record into files of their own.
    /// </summary>
    public const string RecordVariable = "QODER_STANDIN_RECORD";

    /// <summary>The placeholder in a <see cref="RecordVariable"/> path that each stand-in replaces by its process id.</summary>
    public const string ProcessIdPlaceholder = "{pid}";

    private StandInLaunch(string cliPath, IReadOnlyDictionary<string, string> environment, string scenarioPath, string recordPath)
    {
        CliPath = cliPath;
        Environment = environment;
        ScenarioPath = scenarioPath;
        RecordPath = recordPath;
    }

    /// <summary>
    /// The stand-in to start: the native <see cref="NativeFileName"/> beside the assembly when it was built (it starts
    /// about ten times sooner), otherwise the assembly <c>Qoder.AgentSdk.Testing.dll</c>, started as
    /// <c>dotnet &lt;CliPath&gt; &lt;args&gt;</c>. <c>QoderAgentOptions.CliPath</c> takes either.
    /// </summary>
    public string CliPath { get; }

    /// <summary>Whether <see cref="CliPath"/> is the native stand-in rather than the assembly.</summary>
    public bool IsNative => !CliPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>Variables to add to the child's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The scenario file written by <see cref="Prepare"/>.</summary>
    public string ScenarioPath { get; }

    /// <summary>Where the stand-in records what it received.</summary>
    public string RecordPath { get; }

    /// <summary>Writes the scenario into <paramref name="workDirectory"/> and returns how to start the stand-in.</summary>
    /// <param name="scenario">The scenario to play.</param>
    /// <param name="workDirectory">A directory for the scenario and record files (created when missing).</param>
    /// <returns>The launch description.</returns>
    public static StandInLaunch Prepare(QoderScenario scenario, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Directory.CreateDirectory(workDirectory);
        var id = Guid.NewGuid().ToString("N")[..12];
        var scenarioPath = Path.GetFullPath(Path.Combine(workDirectory, $"standin-scenario-{id}.json"));
        var recordPath = Path.GetFullPath(Path.Combine(workDirectory, $"standin-record-{id}.jsonl"));
        scenario.Save(scenarioPath);
        var cliPath = ResolveCliPath();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScenarioVariable] = scenarioPath,
            [RecordVariable] = recordPath,
        };
        return new StandInLaunch(cliPath, environment, scenarioPath, recordPath);
    }

    /// <summary>A start description for the stand-in with <paramref name="arguments"/>, standard streams redirected and <see cref="Environment"/> applied.</summary>
    /// <param name="arguments">The qodercli argv to pass.</param>
    /// <returns>The start description; the caller may adjust it before starting the process.</returns>
    public ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(IsNative ? CliPath : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!IsNative)
        {
            info.ArgumentList.Add(CliPath);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Reads what the stand-in recorded so far.</summary>
    /// <returns>The recording.</returns>
    public StandInRecording ReadRecording() => StandInRecording.Load(RecordPath);

    // Only a test process, which loads this assembly from disk, prepares launches; the native stand-in never does.
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Never called in a single-file or native stand-in.")]
    private static string ResolveCliPath()
    {
        var assembly = typeof(StandInLaunch).Assembly.Location;
        var directory = Path.GetDirectoryName(assembly)!;

        // Built in this repository it sits beside the assembly; from the package, a RID-specific build copies it there
        // too and a portable build under runtimes/<rid>/native/.
        foreach (var native in new[] { Path.Combine(directory, NativeFileName), Path.Combine(directory, "runtimes", CurrentRid(), "native", NativeFileName) })
        {
            if (File.Exists(native))
            {
                EnsureExecutable(native);
                return native;
            }
        }

        EnsureRuntimeConfig(assembly);
        return assembly;
    }

    private static string CurrentRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return $"{os}-{arch}";
    }

    // NuGet does not keep the executable bit of package files: the copy a consumer's build made may lack it.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            try
            {
                File.SetUnixFileMode(path, mode | Execute);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another test process set it concurrently, or the folder is read-only: starting it will say so.
            }
        }
    }

    // A package consumer's bin folder gets the assembly but not its runtimeconfig.json, without which `dotnet <dll>` refuses to run.
    private static void EnsureRuntimeConfig(string assemblyPath)
    {
        var config = Path.ChangeExtension(assemblyPath, ".runtimeconfig.json");
        if (File.Exists(config))
        {
            return;
        }

        var version = System.Environment.Version;
        var json = $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{version.Major}}.{{version.Minor}}",
                "rollForward": "Major",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" },
                "configProperties": { "System.Globalization.Invariant": true }
              }
            }
            """;
        try
        {
            File.WriteAllText(config, json);
        }
        catch (IOException)
        {
            // Another test process wrote it concurrently.
        }
    }
}
