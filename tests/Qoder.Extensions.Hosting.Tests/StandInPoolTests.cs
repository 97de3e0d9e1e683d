using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>
/// The pool over real stand-in CLI processes. Every process the stand-in records (and every grandchild it spawned) is
/// checked through <c>/proc/&lt;pid&gt;</c> to be gone at the end; zombies count as gone.
/// </summary>
public sealed class StandInPoolTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _work = new("qoder-hosting-");
    private StandInLaunch? _launch;

    [Fact]
    public async Task Warm_pool_runs_a_prompt_and_host_stop_leaves_no_process()
    {
        using var host = BuildHost(QoderScenario.Create().Reply("Hello from the stand-in"), p => p.MinIdle = 1);
        await host.StartAsync();
        var pool = Pool(host);
        await Eventually.TrueAsync(() => pool.Snapshot().Idle == 1, "the pool warms one process", TimeSpan.FromSeconds(60));

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("hi").WaitAsync(Guard);
        Assert.Equal("Hello from the stand-in", result.Text);
        Assert.Equal("success", result.Result.Subtype);

        await host.StopAsync().WaitAsync(Guard);
        AssertAllGone();
    }

    [Fact]
    public async Task A_crashed_idle_process_is_detected_and_replaced()
    {
        using var host = BuildHost(QoderScenario.Create(), p =>
        {
            p.MinIdle = 1;
            p.RestartBackoff = TimeSpan.FromMilliseconds(50);
        });
        await host.StartAsync();
        var pool = Pool(host);
        await Eventually.TrueAsync(() => pool.Snapshot().Idle == 1, "the pool warms one process", TimeSpan.FromSeconds(60));
        var first = Assert.Single(StartedPids());

        using (var victim = System.Diagnostics.Process.GetProcessById(first))
        {
            victim.Kill();
        }

        await Eventually.TrueAsync(() => StartedPids().Count == 2 && pool.Snapshot().Idle == 1, "a replacement process is warm", TimeSpan.FromSeconds(60));
        Assert.False(ProcessLiveness.IsAlive(first));
        await using (var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            Assert.NotEqual(first, session.ProcessId);
            Assert.Contains(session.ProcessId!.Value, StartedPids());
        }

        await host.StopAsync().WaitAsync(Guard);
        AssertAllGone();
    }

    [Fact]
    public async Task A_CLI_that_always_crashes_at_start_stops_at_the_restart_budget()
    {
        using var host = BuildHost(QoderScenario.Create().OnStartup(s => s.Crash(3, "fatal: simulated")), p =>
        {
            p.MinIdle = 1;
            p.RestartBudget = 3;
            p.RestartWindow = TimeSpan.FromMinutes(10);
            p.RestartBackoff = TimeSpan.FromMilliseconds(20);
            p.MaxRestartBackoff = TimeSpan.FromMilliseconds(50);
        });
        await host.StartAsync();
        var pool = Pool(host);

        await Eventually.TrueAsync(() => pool.Snapshot().RestartBudgetExhausted, "the restart budget is spent", TimeSpan.FromSeconds(60));
        Assert.Equal(3, StartedPids().Count);

        // Background restarts are paused; a caller still gets a start of its own and sees its failure.
        await Assert.ThrowsAsync<QoderProcessExitedException>(() => host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard));
        Assert.Equal(4, StartedPids().Count);
        Assert.True(pool.Snapshot().RestartBudgetExhausted);

        await host.StopAsync().WaitAsync(Guard);
        Assert.Equal(4, StartedPids().Count);
        AssertAllGone();
    }

    [Fact]
    public async Task A_used_process_is_gone_after_the_lease_and_a_new_process_serves_the_next()
    {
        using var host = BuildHost(QoderScenario.Create().Reply("one"), p =>
        {
            p.MinIdle = 1;
            p.MaxSize = 2;
        });
        await host.StartAsync();
        var sessions = host.Services.GetRequiredService<IQoderSessionFactory>();

        int used;
        await using (var session = await sessions.CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            used = session.ProcessId!.Value;
            await session.SendAsync("hi");
            await foreach (var _ in session.ReceiveResponseAsync().WithCancellation(new CancellationTokenSource(Guard).Token))
            {
            }
        }

        await Eventually.TrueAsync(() => !ProcessLiveness.IsAlive(used), $"the used process {used} is retired", TimeSpan.FromSeconds(60));
        await using (var next = await sessions.CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            Assert.NotEqual(used, next.ProcessId);
            Assert.True(ProcessLiveness.IsAlive(next.ProcessId!.Value));
        }

        await host.StopAsync().WaitAsync(Guard);
        AssertAllGone();
    }

    [Fact]
    public async Task Host_stop_drains_ending_sessions_kills_hung_ones_with_grandchildren_and_starts_nothing()
    {
        var scenario = QoderScenario.Create()
            .Turn(t => t.SpawnGrandchild().Hang());
        using var host = BuildHost(
            scenario,
            p =>
            {
                p.MinIdle = 0;
                p.MaxSize = 3;
            },
            shutdown: TimeSpan.FromSeconds(2));
        await host.StartAsync();
        var sessions = host.Services.GetRequiredService<IQoderSessionFactory>();
        var hung = await sessions.CreateSessionAsync().AsTask().WaitAsync(Guard);
        var ending = await sessions.CreateSessionAsync().AsTask().WaitAsync(Guard);
        await hung.SendAsync("hang please");
        await Eventually.TrueAsync(() => GrandchildPids().Count == 1, "the hung turn spawned its grandchild", TimeSpan.FromSeconds(60));
        var grandchild = GrandchildPids()[0];
        Assert.True(ProcessLiveness.IsAlive(grandchild));
        var spawned = StartedPids().Count;

        var stopping = host.StopAsync();
        await ending.DisposeAsync();
        await stopping.WaitAsync(Guard);

        Assert.Equal(spawned, StartedPids().Count);
        Assert.False(ProcessLiveness.IsAlive(grandchild), $"grandchild {grandchild} survived the host");
        AssertAllGone();
        await hung.DisposeAsync();
    }

    [Fact]
    public async Task A_configuration_reload_that_changes_launch_options_replaces_idle_processes()
    {
        using var host = BuildHost(QoderScenario.Create(), p => p.MinIdle = 2);
        await host.StartAsync();
        var pool = Pool(host);
        await Eventually.TrueAsync(() => pool.Snapshot().Idle == 2, "the pool warms two processes", TimeSpan.FromSeconds(60));
        var before = StartedPids();
        Assert.Equal(2, before.Count);

        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration["Qoder:Agent:SystemPrompt"] = "You answer briefly.";
        configuration.Reload();

        await Eventually.TrueAsync(() => StartedPids().Count == 4 && pool.Snapshot().Idle == 2, "two processes with the new options are warm", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => before.All(pid => !ProcessLiveness.IsAlive(pid)), "the old idle processes are retired", TimeSpan.FromSeconds(60));
        await using (var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            Assert.DoesNotContain(session.ProcessId!.Value, before);
        }

        Assert.Equal("You answer briefly.", pool.Options.Agent.SystemPrompt);
        await host.StopAsync().WaitAsync(Guard);
        AssertAllGone();
    }

    public void Dispose()
    {
        ProcessWatch.Kill(StartedPids().Concat(GrandchildPids()));

        _work.Dispose();
    }

    private static QoderProcessPool Pool(IHost host) => host.Services.GetRequiredKeyedService<QoderProcessPool>(string.Empty);

    private IHost BuildHost(QoderScenario scenario, Action<QoderPoolOptions> pool, TimeSpan? shutdown = null)
    {
        _launch = StandInLaunch.Prepare(scenario, _work.Path);
        var launch = _launch;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown ?? TimeSpan.FromSeconds(30));
        builder.AddQoderAgent(o =>
        {
            StandInPerProcessRecords.Apply(o, launch, _work.Path);
        }).ConfigurePool(pool);
        return builder.Build();
    }

    /// <summary>Every stand-in process started so far, from the per-process records.</summary>
    private List<int> StartedPids() => Records().Where(r => r.Pid is not null).Select(r => r.Pid!.Value).ToList();

    private List<int> GrandchildPids() => Records().SelectMany(r => r.Grandchildren).ToList();

    private List<(int? Pid, List<int> Grandchildren)> Records()
    {
        var records = new List<(int? Pid, List<int> Grandchildren)>();
        if (_launch is null)
        {
            return [];
        }

        foreach (var path in StandInPerProcessRecords.RecordFiles(_launch))
        {
            int? pid = null;
            var grandchildren = new List<int>();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                try
                {
                    using var entry = JsonDocument.Parse(line);
                    var kind = entry.RootElement.GetProperty("kind").GetString();
                    if (kind == "start")
                    {
                        pid = entry.RootElement.GetProperty("pid").GetInt32();
                    }
                    else if (kind == "grandchild")
                    {
                        grandchildren.Add(entry.RootElement.GetProperty("pid").GetInt32());
                    }
                }
                catch (JsonException)
                {
                    // A line being appended right now.
                }
            }

            records.Add((pid, grandchildren));
        }

        return records;
    }

    private void AssertAllGone()
    {
        var pids = StartedPids().Concat(GrandchildPids()).ToList();
        Assert.NotEmpty(pids);
        foreach (var pid in pids)
        {
            Assert.False(ProcessLiveness.IsAlive(pid), string.Create(CultureInfo.InvariantCulture, $"process {pid} is still running"));
        }
    }
}
