using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>The pool over real stand-in CLI processes: every process is checked by PID to be gone at the end.</summary>
public sealed class StandInPoolTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-hosting-").FullName;
    private readonly List<int> _pids = [];

    [Fact]
    public async Task Warm_pool_runs_a_prompt_and_host_stop_leaves_no_process()
    {
        using var host = BuildHost(QoderScenario.Create().Reply("Hello from the stand-in"), minIdle: 1);
        await host.StartAsync();
        var pool = host.Services.GetRequiredKeyedService<Pooling.QoderProcessPool>(string.Empty);
        await Eventually.TrueAsync(() => pool.IdleCount == 1, "the pool warms one process", 60);

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("hi");
        Assert.Equal("Hello from the stand-in", result.Text);
        Assert.Equal("success", result.Result.Subtype);
        _pids.AddRange(Children());

        await host.StopAsync();
        AssertGone();
    }

    [Fact]
    public async Task Host_stop_drains_then_kills_a_live_session()
    {
        using var host = BuildHost(QoderScenario.Create().Turn(turn => turn.Hang()), minIdle: 0, shutdown: TimeSpan.FromSeconds(1));
        await host.StartAsync();
        var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync();
        var pid = session.ProcessId!.Value;
        _pids.Add(pid);
        await session.SendAsync("hang please");

        await host.StopAsync();

        AssertGone();
        await session.DisposeAsync();
    }

    public void Dispose()
    {
        foreach (var pid in _pids)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
            }
        }

        Directory.Delete(_work, recursive: true);
    }

    private IHost BuildHost(QoderScenario scenario, int minIdle, TimeSpan? shutdown = null)
    {
        var launch = StandInLaunch.Prepare(scenario, _work);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown ?? TimeSpan.FromSeconds(30));
        builder.AddQoderAgent(o =>
        {
            o.CliPath = launch.CliPath;
            o.WorkingDirectory = _work;
            foreach (var (name, value) in launch.Environment)
            {
                o.Environment[name] = value;
            }
        }).ConfigurePool(p => p.MinIdle = minIdle);
        return builder.Build();
    }

    private static IEnumerable<int> Children()
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var stat = Path.Combine(dir, "stat");
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || !File.Exists(stat))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }

            if (text[(text.LastIndexOf(')') + 2)..].Split(' ')[1] == self)
            {
                yield return pid;
            }
        }
    }

    private void AssertGone()
    {
        foreach (var pid in _pids)
        {
            var stat = $"/proc/{pid}/stat";
            var alive = File.Exists(stat) && !File.ReadAllText(stat)[(File.ReadAllText(stat).LastIndexOf(')') + 2)..].StartsWith('Z');
            Assert.False(alive, $"process {pid} is still running");
        }
    }
}
