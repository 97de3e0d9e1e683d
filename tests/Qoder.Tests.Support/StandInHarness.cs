using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Tests.Support;

/// <summary>
/// One test's scripted stand-in: a private work folder, options that run a scenario on the stand-in, clients connected
/// to it, and on dispose every client stopped and the folder removed. Build one per test (or per test class).
/// </summary>
public sealed class StandInHarness : IAsyncDisposable, IDisposable
{
    /// <summary>A hang guard for every await on the stand-in; not a speed assertion.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _work;
    private readonly Action<QoderAgentOptions>? _defaults;
    private readonly List<QoderClient> _clients = [];
    private readonly List<StandInLaunch> _launches = [];

    /// <param name="defaults">Applied to every options object before the per-call configuration (auth, graces, …).</param>
    /// <param name="prefix">The work folder's name prefix.</param>
    public StandInHarness(Action<QoderAgentOptions>? defaults = null, string prefix = "qoder-test-")
    {
        _work = new TempDirectory(prefix);
        _defaults = defaults;
    }

    /// <summary>The work folder: the CLI's working directory and where scenario and record files go.</summary>
    public string Work => _work.Path;

    /// <summary>The launches prepared so far, in order.</summary>
    public IReadOnlyList<StandInLaunch> Launches => _launches;

    /// <summary>The latest launch, or <see langword="null"/> before the first.</summary>
    public StandInLaunch? LastLaunch => _launches.Count > 0 ? _launches[^1] : null;

    /// <summary>
    /// Options that run <paramref name="scenario"/> on the stand-in: headless, no auto-install, the work folder as working
    /// directory and <c>HOME</c>, the stand-in's environment; then the harness defaults, then <paramref name="configure"/>.
    /// </summary>
    public QoderAgentOptions Options(QoderScenario scenario, Action<QoderAgentOptions>? configure = null)
    {
        var launch = StandInLaunch.Prepare(scenario, Work);
        _launches.Add(launch);
        var options = new QoderAgentOptions
        {
            CliPath = launch.CliPath,
            AutoInstallCli = false,
            WorkingDirectory = Work,
            Auth = QoderAuth.Headless(),
            ShutdownGracePeriod = TimeSpan.FromSeconds(5),
        };
        foreach (var (name, value) in launch.Environment)
        {
            options.Environment[name] = value;
        }

        // The stand-in writes transcripts under $HOME/.qoder as the CLI does: keep them in the work folder, not the user's home.
        options.Environment["HOME"] = Work;
        _defaults?.Invoke(options);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client for the options, stopped when the harness is disposed.</summary>
    public QoderClient Client(QoderAgentOptions options)
    {
        var client = new QoderClient(options);
        _clients.Add(client);
        return client;
    }

    /// <summary>A client for <paramref name="scenario"/>, stopped when the harness is disposed.</summary>
    public QoderClient Client(QoderScenario scenario, Action<QoderAgentOptions>? configure = null) => Client(Options(scenario, configure));

    /// <summary>A connected client for the options.</summary>
    public async Task<QoderClient> ConnectAsync(QoderAgentOptions options)
    {
        var client = Client(options);
        await client.ConnectAsync().WaitAsync(HangGuard).ConfigureAwait(false);
        return client;
    }

    /// <summary>A connected client for <paramref name="scenario"/>.</summary>
    public Task<QoderClient> ConnectAsync(QoderScenario scenario, Action<QoderAgentOptions>? configure = null) =>
        ConnectAsync(Options(scenario, configure));

    /// <summary>One turn on a connected client: sends <paramref name="prompt"/> and collects the messages up to the result.</summary>
    public static async Task<List<QoderMessage>> TurnAsync(QoderClient client, string prompt)
    {
        await client.SendAsync(prompt).WaitAsync(HangGuard).ConfigureAwait(false);
        return await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(HangGuard).ConfigureAwait(false);
    }

    /// <summary>A whole one-shot query (<see cref="QoderQuery.RunAsync(string, QoderAgentOptions?, CancellationToken)"/>) with the options: every message up to the result.</summary>
    public static async Task<List<QoderMessage>> QueryAsync(string prompt, QoderAgentOptions options) =>
        await QoderQuery.RunAsync(prompt, options).ToListAsync().AsTask().WaitAsync(HangGuard).ConfigureAwait(false);

    /// <summary>Every process the stand-ins of this harness recorded: their own PIDs and their grandchildren.</summary>
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

    /// <summary>Stops every client, then removes the work folder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        _clients.Clear();
        _work.Dispose();
    }

    /// <summary>Synchronous disposal for xUnit classes that implement <see cref="IDisposable"/>.</summary>
    // For xunit's synchronous disposal; nothing here captures a synchronisation context.
#pragma warning disable RS0030, VSTHRD002
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
#pragma warning restore RS0030, VSTHRD002
}
