namespace Qoder.AgentSdk.Testing;

/// <summary>How to start the stand-in for a scenario: run <see cref="CliPath"/> with <c>dotnet</c> and overlay <see cref="Environment"/>.</summary>
public sealed class StandInLaunch
{
    /// <summary>Environment variable holding the scenario file path.</summary>
    public const string ScenarioVariable = "QODER_STANDIN_SCENARIO";

    /// <summary>Environment variable holding the record file path.</summary>
    public const string RecordVariable = "QODER_STANDIN_RECORD";

    private StandInLaunch(string cliPath, IReadOnlyDictionary<string, string> environment, string scenarioPath, string recordPath)
    {
        CliPath = cliPath;
        Environment = environment;
        ScenarioPath = scenarioPath;
        RecordPath = recordPath;
    }

    /// <summary>The stand-in assembly (<c>Qoder.AgentSdk.Testing.dll</c>); start it as <c>dotnet &lt;CliPath&gt; &lt;args&gt;</c>.</summary>
    public string CliPath { get; }

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
        var cliPath = typeof(StandInLaunch).Assembly.Location;
        EnsureRuntimeConfig(cliPath);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScenarioVariable] = scenarioPath,
            [RecordVariable] = recordPath,
        };
        return new StandInLaunch(cliPath, environment, scenarioPath, recordPath);
    }

    /// <summary>Reads what the stand-in recorded so far.</summary>
    /// <returns>The recording.</returns>
    public StandInRecording ReadRecording() => StandInRecording.Load(RecordPath);

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
