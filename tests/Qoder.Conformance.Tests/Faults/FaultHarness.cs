using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>
/// One fault test's stand-in: builds options for a scenario, and on dispose stops every client and asserts that the
/// CLI processes and the grandchildren the stand-in recorded are gone (killing survivors so none outlives the test).
/// </summary>
internal sealed class FaultHarness : IAsyncDisposable
{
    // A hang guard, not a speed assertion.
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly List<QoderClient> _clients = [];
    private readonly List<StandInLaunch> _launches = [];

    public FaultHarness() => Work = Directory.CreateTempSubdirectory("qoder-fault-").FullName;

    public string Work { get; }

    public StandInLaunch? LastLaunch => _launches.Count > 0 ? _launches[^1] : null;

    public QoderAgentOptions Options(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var launch = StandInLaunch.Prepare(scenario, Work);
        _launches.Add(launch);
        var options = new QoderAgentOptions
        {
            CliPath = launch.CliPath,
            WorkingDirectory = Work,
            Auth = QoderAuth.AccessToken(StandInTarget.FakePat),
            ShutdownGracePeriod = TimeSpan.FromSeconds(1),
            KillGracePeriod = TimeSpan.FromSeconds(1),
            InitializeTimeout = TimeSpan.FromSeconds(30),
            AutoInstallCli = false,
        };
        options.Environment["HOME"] = Work;
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }

        configure?.Invoke(options);
        return options;
    }

    public QoderClient Client(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var client = new QoderClient(Options(scenario, configure));
        _clients.Add(client);
        return client;
    }

    public async Task<QoderClient> ConnectAsync(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var client = Client(scenario, configure);
        await client.ConnectAsync().WaitAsync(Guard);
        return client;
    }

    /// <summary>Every process the stand-ins of this test reported (their own PIDs and their grandchildren).</summary>
    public List<int> RecordedProcessIds()
    {
        var pids = new List<int>();
        foreach (var launch in _launches.Where(l => File.Exists(l.RecordPath)))
        {
            var recording = launch.ReadRecording();
            if (recording.ProcessId is { } pid)
            {
                pids.Add(pid);
            }

            pids.AddRange(recording.GrandchildProcessIds);
        }

        return pids;
    }

    public static async Task<List<QoderMessage>> TurnAsync(QoderClient client, string prompt)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.SendAsync(prompt).WaitAsync(Guard);
        var list = new List<QoderMessage>();
        await foreach (var message in client.ReceiveResponseAsync())
        {
            list.Add(message);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        var pids = _clients.Where(c => c.ProcessId is not null).Select(c => c.ProcessId!.Value).ToList();
        foreach (var client in _clients)
        {
            await client.DisposeAsync().AsTask().WaitAsync(Guard);
        }

        pids.AddRange(RecordedProcessIds());
        try
        {
            await ProcessAssert.GoneAsync(pids.Distinct());
        }
        finally
        {
            pids.ForEach(ProcessAssert.KillIfAlive);
            try
            {
                Directory.Delete(Work, recursive: true);
            }
            catch (IOException)
            {
                // Best effort; the OS temp cleaner gets it.
            }
        }
    }
}
