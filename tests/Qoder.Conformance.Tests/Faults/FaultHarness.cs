using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>
/// One fault test's stand-in (<see cref="StandInHarness"/> in SDK mode with a fake PAT and short graces); on dispose it
/// stops every client and asserts that the CLI processes and the grandchildren the stand-in recorded are gone (killing
/// survivors so none outlives the test).
/// </summary>
internal sealed class FaultHarness : IAsyncDisposable
{
    // A hang guard, not a speed assertion.
    public static readonly TimeSpan Guard = StandInHarness.HangGuard;

    private readonly List<QoderClient> _clients = [];
    private readonly StandInHarness _standIn = new(
        options =>
        {
            options.Auth = QoderAuth.AccessToken(StandInTarget.FakePat);
            options.ShutdownGracePeriod = TimeSpan.FromSeconds(1);
            options.KillGracePeriod = TimeSpan.FromSeconds(1);
            options.InitializeTimeout = TimeSpan.FromSeconds(30);
            options.Environment["HOME"] = options.WorkingDirectory;
        },
        "qoder-fault-");

    public string Work => _standIn.Work;

    public StandInLaunch? LastLaunch => _standIn.LastLaunch;

    public QoderAgentOptions Options(QoderScenario scenario, Action<QoderAgentOptions>? configure = null) => _standIn.Options(scenario, configure);

    public QoderClient Client(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var client = _standIn.Client(scenario, configure);
        _clients.Add(client);
        return client;
    }

    public async Task<QoderClient> ConnectAsync(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var client = Client(scenario, configure);
        await client.ConnectAsync().WaitAsync(Guard);
        return client;
    }

    public static Task<List<QoderMessage>> TurnAsync(QoderClient client, string prompt) => StandInHarness.TurnAsync(client, prompt);

    public async ValueTask DisposeAsync()
    {
        var pids = _clients.Where(c => c.ProcessId is not null).Select(c => c.ProcessId!.Value).ToList();
        foreach (var client in _clients)
        {
            await client.DisposeAsync().AsTask().WaitAsync(Guard);
        }

        pids.AddRange(_standIn.RecordedProcessIds());
        try
        {
            await ProcessWatch.GoneAsync(pids.Distinct());
        }
        finally
        {
            pids.ForEach(ProcessWatch.KillIfAlive);
            await _standIn.DisposeAsync();
        }
    }
}
