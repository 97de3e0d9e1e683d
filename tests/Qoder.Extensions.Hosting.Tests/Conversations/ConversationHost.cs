using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting.Conversations;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>
/// A host whose default agent runs the stand-in, each process with a record file of its own, and a private CLI
/// configuration folder (<c>QODER_CONFIG_DIR</c>) where transcripts go. Disposing it stops the host and removes the folders.
/// </summary>
internal sealed class ConversationHost : IAsyncDisposable
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _work;
    private readonly bool _ownsWork;

    public ConversationHost(
        QoderScenario scenario,
        Action<QoderHostingOptions>? configure = null,
        FakeTimeProvider? time = null,
        Action<QoderAgentOptions>? agent = null,
        Action<IServiceCollection>? services = null,
        TempDirectory? work = null,
        string configName = "config")
    {
        _ownsWork = work is null;
        _work = work ?? new TempDirectory("qoder-conv-");
        ConfigDirectory = Path.Combine(_work.Path, configName);
        Launch = StandInLaunch.Prepare(scenario, _work.Path);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        services?.Invoke(builder.Services);
        builder.AddQoderAgent(o =>
        {
            StandInPerProcessRecords.Apply(o, Launch, _work.Path);
            o.Environment["QODER_CONFIG_DIR"] = ConfigDirectory;
            o.ShutdownGracePeriod = TimeSpan.FromSeconds(5);
            agent?.Invoke(o);
        }).Configure(o =>
        {
            o.Pool.MinIdle = 1;
            o.Pool.MaxSize = 2;
            o.Resilience.RetryDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        Host = builder.Build();
    }

    public IHost Host { get; }

    public StandInLaunch Launch { get; }

    public string ConfigDirectory { get; }

    public string Work => _work.Path;

    public IQoderConversations Conversations => Host.Services.GetRequiredService<IQoderConversations>();

    public QoderProcessPool Pool => Host.Services.GetRequiredKeyedService<QoderProcessPool>(string.Empty);

    public ConversationCounts Counts => Host.Services.GetRequiredKeyedService<QoderConversations>(string.Empty).Counts();

    public async Task StartAsync()
    {
        await Host.StartAsync().WaitAsync(Guard);
        await Eventually.TrueAsync(() => Pool.Snapshot().Idle >= 1, "the pool warms a process", Guard);
    }

    /// <summary>The record of the stand-in with process id <paramref name="pid"/>.</summary>
    public StandInRecording Record(int pid) => StandInRecording.Load($"{Launch.RecordPath}.{pid}");

    /// <summary>Every stand-in started so far.</summary>
    public List<int> StartedPids() =>
        [.. StandInPerProcessRecords.RecordFiles(Launch).Select(f => int.Parse(f[(f.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The stand-ins that received <paramref name="prompt"/>.</summary>
    public List<int> PidsThatRan(string prompt) =>
        [.. StartedPids().Where(pid => Record(pid).FramesOfType("user").Any(f => f.GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString() == prompt))];

    /// <summary>The id the stand-in with process id <paramref name="pid"/> resumed, or <see langword="null"/>.</summary>
    public string? ResumedId(int pid)
    {
        var argv = Record(pid).Arguments.ToList();
        var at = argv.IndexOf("--resume");
        return at < 0 ? null : argv[at + 1];
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync().WaitAsync(Guard);
        var pids = StartedPids();
        Host.Dispose();
        await ProcessWatch.GoneAsync(pids);
        if (_ownsWork)
        {
            _work.Dispose();
        }
    }
}
