using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;
using Qoder.AgentSdk.SessionStore.Redis.Tests;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Transport;
using Qoder.Extensions.Hosting;
using Qoder.FirstMessage.RouteB;
using Qoder.RealCli.Testing;

// Turn latency of a conversation pinned to its process, of a cold resume from the local transcript (close, so the process
// exits with its transcript complete, then a turn that starts a process with --resume) and of a cold resume from Redis
// (the same on a host whose agent has a Redis session store: the SDK materialises the session from the store into a
// private config directory). The three are measured alternately in one run, on the stand-in and, with --real N, on the
// real qodercli in SDK mode against the local backend mock (route B). The benchmark starts its own redis-server.
// Usage: dotnet run -c Release --project benchmarks/Qoder.Conversations.Latency [-- --samples 30 --real 3]
var samples = Option(args, "--samples", 30);
var realSamples = Option(args, "--real", 0);
var work = Directory.CreateTempSubdirectory("qoder-conv-bench-").FullName;
await using var redis = await RedisServer.StartAsync();
try
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}"));
    var launch = StandInLaunch.Prepare(new QoderScenario { DefaultReply = "seen: " + QoderScenario.PreviousPromptsPlaceholder }, work);
    var standIn = await MeasureAsync(samples, redis, work, (o, host) =>
    {
        o.CliPath = launch.CliPath;
        foreach (var (name, value) in launch.Environment.Where(e => e.Key != StandInLaunch.RecordVariable))
        {
            o.Environment[name] = value;
        }

        o.Environment["QODER_CONFIG_DIR"] = Path.Combine(work, "config-" + host);
    });
    var rows = new List<(string Name, Series Series)> { ("stand-in", standIn) };
    if (realSamples > 0)
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        await using var mock = await QoderBackendMock.StartAsync();
        var wrapper = RecordingCliWrapper.Create(Directory.CreateDirectory(Path.Combine(work, "cli")).FullName, cli, mock);
        var real = await MeasureAsync(realSamples, redis, work, (o, host) => RouteB.Apply(o, wrapper, mock, Path.Combine(work, "home-" + host)));
        rows.Add(("real qodercli 1.1.52 (route B)", real));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}"));
    Console.WriteLine();
    Console.WriteLine("| CLI | Samples | Pinned median (ms) | Pinned p90 | Cold, local transcript, median (ms) | p90 | Cold, Redis, median (ms) | p90 | Local / pinned | Redis / pinned | Redis / local |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, series) in rows)
    {
        double Median(double[] s) => Percentile(s, 0.5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {series.Pinned.Length} | {Median(series.Pinned):F1} | {Percentile(series.Pinned, 0.9):F1} | {Median(series.Local):F1} | {Percentile(series.Local, 0.9):F1} | {Median(series.Redis):F1} | {Percentile(series.Redis, 0.9):F1} | {Median(series.Local) / Median(series.Pinned):N1}x | {Median(series.Redis) / Median(series.Pinned):N1}x | {Median(series.Redis) / Median(series.Local):N2}x |"));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

// Two hosts side by side: "local" (no store) keeps one conversation pinned and resumes it from its transcript; "store" (a
// Redis session store under a fresh prefix) resumes its own conversation from Redis. Each sample measures one of each.
static async Task<Series> MeasureAsync(int count, RedisServer redis, string work, Action<QoderAgentOptions, string> cli)
{
    using var local = BuildHost(work, "local", redis: null, cli);
    using var stored = BuildHost(work, "store", redis, cli);
    await local.StartAsync();
    await stored.StartAsync();
    var localConversations = local.Services.GetRequiredService<IQoderConversations>();
    var storeConversations = stored.Services.GetRequiredService<IQoderConversations>();
    var pinned = new List<double>();
    var cold = new List<double>();
    var fromRedis = new List<double>();
    try
    {
        var id = await localConversations.StartAsync();
        await localConversations.RunAsync(id, "warm-up");
        var storedId = await storeConversations.StartAsync();
        await storeConversations.RunAsync(storedId, "warm-up");
        await storeConversations.CloseAsync(storedId);
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            pinned.Add(await TimeAsync(() => localConversations.RunAsync(id, "pinned " + n)));

            await localConversations.CloseAsync(id);
            cold.Add(await TimeAsync(() => localConversations.RunAsync(id, "cold " + n)));

            fromRedis.Add(await TimeAsync(() => storeConversations.RunAsync(storedId, "redis " + n)));
            await storeConversations.CloseAsync(storedId);
        }
    }
    finally
    {
        await local.StopAsync();
        await stored.StopAsync();
    }

    return new Series([.. pinned], [.. cold], [.. fromRedis]);
}

static IHost BuildHost(string work, string name, RedisServer? redis, Action<QoderAgentOptions, string> cli)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    var settings = new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" };
    if (redis is not null)
    {
        settings["Qoder:SessionStore:Redis:ConnectionString"] = redis.ConnectionString;
        settings["Qoder:SessionStore:Redis:Prefix"] = "qoder-bench:" + Guid.NewGuid().ToString("N");
    }

    builder.Configuration.AddInMemoryCollection(settings);
    var agent = builder.AddQoderAgent(o =>
    {
        o.WorkingDirectory = work;
        o.InitializeTimeout = TimeSpan.FromMinutes(2);
        cli(o, name);
    }).Configure(o =>
    {
        o.Pool.MinIdle = 1;
        o.Pool.MaxSize = 2;
        o.Pool.AcquireTimeout = TimeSpan.FromMinutes(2);
        o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
    });
    if (redis is not null)
    {
        agent.AddRedisSessionStore();
    }

    return builder.Build();
}

static async Task<double> TimeAsync(Func<Task> turn)
{
    var started = Stopwatch.GetTimestamp();
    await turn();
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Percentile(double[] samples, double p)
{
    var sorted = samples.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Max(0, Math.Ceiling(p * sorted.Length) - 1))];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

internal sealed record Series(double[] Pinned, double[] Local, double[] Redis);
