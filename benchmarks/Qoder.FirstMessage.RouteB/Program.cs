using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Transport;
using Qoder.Extensions.Hosting;
using Qoder.FirstMessage.RouteB;
using Qoder.RealCli.Testing;

// Time to the first assistant message on the production path: the real qodercli 1.1.52 in SDK mode against the local
// backend mock (route B). Alternating in one run: (a) the official TS SDK's query() (a cold CLI start each time, as it
// always does), (b) a new conversation on a warm pooled process, (c) the second turn of that pinned conversation. Each
// C# measurement waits until the pool has no start in flight, so a replacement start does not share the 2 cores with it.
// With --probe N it instead runs the investigation: per warm-up variant, N fresh processes left idle, the warm-up step,
// then one prompt, printing when the mock saw each request relative to the prompt and what the transcript holds.
// Usage: QODER_TS_SDK_DIR=<dir holding node_modules> dotnet run -c Release --project benchmarks/Qoder.FirstMessage.RouteB [-- --samples 3] [-- --probe 2]
var samples = Option(args, "--samples", 3);
var probe = Option(args, "--probe", 0);
var work = Directory.CreateTempSubdirectory("qoder-ttfm-").FullName;
var cli = await QoderCliInstaller.EnsureInstalledAsync();
await using var mock = await QoderBackendMock.StartAsync();
var arrivals = new ConcurrentQueue<(long At, string Request)>();
mock.RequestReceived += request => arrivals.Enqueue((Stopwatch.GetTimestamp(), request));
var wrapper = RecordingCliWrapper.Create(Directory.CreateDirectory(Path.Combine(work, "cli")).FullName, cli, mock);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}"));
try
{
    if (probe > 0)
    {
        await new WarmUpProbe(work, wrapper, mock, arrivals).RunAsync(probe);
        return 0;
    }

    var ts = new List<double>();
    var fresh = new List<double>();
    var second = new List<double>();
    var freshToChat = new List<double>();
    var secondToChat = new List<double>();
    using var host = BuildHost(work, wrapper, mock);
    await host.StartAsync();
    var conversations = host.Services.GetRequiredService<IQoderConversations>();
    var health = host.Services.GetRequiredService<HealthCheckService>();
    try
    {
        // One untimed conversation first, so the host's own first-use costs (JIT of the turn path) are not in (b).
        var warm = await conversations.StartAsync();
        await conversations.RunAsync(warm, "warm-up");
        await conversations.CloseAsync(warm);
        for (var i = 0; i < samples; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            await PoolSettledAsync(health);
            var (pinned, ms, chat) = await FirstAssistantAsync(arrivals, () => conversations.StartAsync(), id => conversations.StreamAsync(id, "new " + n));
            fresh.Add(ms);
            freshToChat.Add(chat);
            await PoolSettledAsync(health);
            (_, ms, chat) = await FirstAssistantAsync(arrivals, () => Task.FromResult(pinned), id => conversations.StreamAsync(id, "second " + n));
            second.Add(ms);
            secondToChat.Add(chat);
            await conversations.CloseAsync(pinned);
            await PoolSettledAsync(health);
            ts.Add(await TypeScriptAsync(work, cli, mock, "ts " + n, i));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample {i + 1}: TS {ts[^1]:F0} ms, new {fresh[^1]:F0} ms (chat call at {freshToChat[^1]:F0}), second {second[^1]:F0} ms (chat call at {secondToChat[^1]:F0}); load {LoadAverage()}"));
        }
    }
    finally
    {
        await host.StopAsync();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}"));
    Console.WriteLine();
    Console.WriteLine("| Path | Samples | Median to first assistant message (ms) | Min | Max | Median call → mock's chat request (ms) | TS ÷ this |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    Row("(a) TS `query()`, cold CLI start", ts, null, Median(ts));
    Row("(b) C# warm pool, new conversation", fresh, freshToChat, Median(ts));
    Row("(c) C# pinned conversation, second turn", second, secondToChat, Median(ts));
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

static void Row(string name, List<double> s, List<double>? chat, double ts) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {s.Count} | {Median(s):F0} | {s.Min():F0} | {s.Max():F0} | {(chat is null ? "–" : Median(chat).ToString("F0", CultureInfo.InvariantCulture))} | {ts / Median(s):F2}x |"));

// From the call (conversation start included for a new one) to the first assistant message; also when the mock saw the
// chat request, relative to the same start. The rest of the turn is drained so the process is idle again.
static async Task<(string Id, double Ms, double ChatMs)> FirstAssistantAsync(ConcurrentQueue<(long At, string Request)> arrivals, Func<Task<string>> start, Func<string, IAsyncEnumerable<QoderMessage>> turn)
{
    arrivals.Clear();
    var started = Stopwatch.GetTimestamp();
    var id = await start();
    double? first = null;
    await foreach (var message in turn(id))
    {
        if (message is AssistantMessage && first is null)
        {
            first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    var chat = arrivals.FirstOrDefault(a => a.Request.EndsWith(QoderBackendMock.ChatPath, StringComparison.Ordinal));
    return (id, first ?? double.NaN, chat.At == 0 ? double.NaN : Stopwatch.GetElapsedTime(started, chat.At).TotalMilliseconds);
}

static async Task PoolSettledAsync(HealthCheckService health)
{
    while (true)
    {
        var report = await health.CheckHealthAsync();
        var entry = report.Entries.Values.First();
        if (entry.Data.TryGetValue("starting", out var starting) && (int)starting == 0 && (int)entry.Data["idle"] >= 1)
        {
            return;
        }

        await Task.Delay(200);
    }
}

static async Task<double> TypeScriptAsync(string work, string cli, QoderBackendMock mock, string prompt, int sample)
{
    var home = Path.Combine(work, "home-ts-" + sample.ToString(CultureInfo.InvariantCulture));
    Directory.CreateDirectory(home);
    mock.SeedHome(home);
    var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ts-first-message.mjs"), cli, home, mock.Origin, work, prompt })
    {
        info.ArgumentList.Add(arg);
    }

    using var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
    var stderr = node.StandardError.ReadToEndAsync();
    var stdout = await node.StandardOutput.ReadToEndAsync();
    await node.WaitForExitAsync();
    var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
        ?? throw new InvalidOperationException("The TS driver printed no result: " + await stderr);
    using var json = JsonDocument.Parse(line);
    return json.RootElement.GetProperty("firstAssistantMs").GetDouble();
}

static IHost BuildHost(string work, RecordingCliWrapper wrapper, QoderBackendMock mock)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
    builder.AddQoderAgent(o =>
    {
        o.WorkingDirectory = work;
        o.InitializeTimeout = TimeSpan.FromMinutes(2);
        RouteB.Apply(o, wrapper, mock, Path.Combine(work, "home-cs"));
    }).Configure(o =>
    {
        o.Pool.MinIdle = 1;
        o.Pool.MaxSize = 3;
        o.Pool.WaitForWarmUp = true;
        o.Pool.AcquireTimeout = TimeSpan.FromMinutes(2);
        o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
    }).AddHealthCheck();
    return builder.Build();
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(List<double> s) => s.Order().ElementAt(s.Count / 2);

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
