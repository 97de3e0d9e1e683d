using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting;
using Qoder.Extensions.Hosting.Pooling;

// The C# side of the latency benchmark (run.sh alternates it with ts-driver.mjs); latency-cli.mjs stamps every delta
// with CLOCK_MONOTONIC in ns, which Stopwatch reads on Linux, and the consumer subtracts it from its receive time.
//   single <cli> <queries>                        one QoderQuery.RunAsync per query, like the TS query()
//   burst <cli> <sessions> <bursts> <warm|cold>   <sessions> concurrent IQoderAgent.StreamAsync through AddQoderAgent's
//                                                 pool (MaxSize = sessions; warm: MinIdle = sessions, warmed first)
//   floor <cli> <queries> <direct|handoff>        no SDK: the runtime's stdout line reader and a parse (FloorLatency.cs)
if (Stopwatch.Frequency != 1_000_000_000)
{
    Console.Error.WriteLine("Stopwatch is not CLOCK_MONOTONIC in ns here (Linux only).");
    return 3;
}

var mode = args.Length > 0 ? args[0] : string.Empty;
return mode switch
{
    "single" when args.Length == 3 => await SingleAsync(args[1], Int(args[2])),
    "burst" when args.Length == 5 => await BurstAsync(args[1], Int(args[2]), Int(args[3]), args[4] == "warm"),
    "floor" when args.Length == 4 => await FloorLatency.RunAsync(args[1], Int(args[2]), args[3] == "handoff"),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: single <cli> <queries> | burst <cli> <sessions> <bursts> <warm|cold> | floor <cli> <queries> <direct|handoff>");
    return 2;
}

static void Latency(QoderMessage message, ConcurrentBag<double> latencies)
{
    var now = Stopwatch.GetTimestamp();
    if (message is StreamEventMessage { DeltaText: { } stamp })
    {
        latencies.Add((now - long.Parse(stamp, CultureInfo.InvariantCulture)) / 1000.0);
    }
}

static async Task<int> SingleAsync(string cli, int queries)
{
    var options = new QoderAgentOptions
    {
        CliPath = cli,
        AutoInstallCli = false,
        Auth = QoderAuth.AccessToken("pt-benchmark-0000"),
        IncludePartialMessages = true,
        PersistSession = false,
    };
    for (var query = 1; query <= queries; query++)
    {
        var latencies = new ConcurrentBag<double>();
        await foreach (var message in QoderQuery.RunAsync("go", options))
        {
            Latency(message, latencies);
            if (message is ResultMessage)
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"sdk\":\"csharp\",\"mode\":\"single\",\"query\":{query},\"latenciesUs\":[{Join(latencies)}]}}"));
    }

    return 0;
}

static async Task<int> BurstAsync(string cli, int sessions, int bursts, bool warm)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Qoder:Auth"] = "AccessToken",
        ["Qoder:PersonalAccessToken"] = "pt-benchmark-0000",
    });
    builder.AddQoderAgent(o =>
    {
        o.CliPath = cli;
        o.AutoInstallCli = false;
        o.IncludePartialMessages = true;
        o.PersistSession = false;
    }).ConfigurePool(p =>
    {
        p.MaxSize = sessions;
        p.MinIdle = warm ? sessions : 0;
        p.WaitForWarmUp = warm;
        p.AcquireTimeout = TimeSpan.FromMinutes(2);
    });
    using var host = builder.Build();
    await host.StartAsync();
    var pool = host.Services.GetRequiredKeyedService<QoderProcessPool>(string.Empty);
    var agent = host.Services.GetRequiredService<IQoderAgent>();
    try
    {
        for (var burst = 1; burst <= bursts; burst++)
        {
            await SettledAsync(pool, warm ? sessions : 0);
            var latencies = new ConcurrentBag<double>();
            using var sampling = new CancellationTokenSource();
            var sampler = SampleStartsAsync(pool, sampling.Token);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var firsts = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => Task.Run(() => SessionAsync(agent, latencies))));
            var wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await sampling.CancelAsync();
            var (maxStarting, startingMs) = await sampler;
            var firstMs = firsts.Select(f => Stopwatch.GetElapsedTime(start, f).TotalMilliseconds).Order().ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"sdk\":\"csharp\",\"mode\":\"burst-{(warm ? "warm" : "cold")}\",\"burst\":{burst},\"sessions\":{sessions},\"wallMs\":{wallMs:F0},\"firstMessageMsMedian\":{firstMs[firstMs.Length / 2]:F0},\"firstMessageMsMax\":{firstMs[^1]:F0},\"maxStartsPending\":{maxStarting},\"msWithStartsPending\":{startingMs:F0},\"driverCpuMs\":{cpu.TotalMilliseconds:F0},\"latenciesUs\":[{Join(latencies)}]}}"));
        }
    }
    finally
    {
        await host.StopAsync();
    }

    return 0;
}

static async Task<long> SessionAsync(IQoderAgent agent, ConcurrentBag<double> latencies)
{
    long first = 0;
    await foreach (var message in agent.StreamAsync("go"))
    {
        if (first == 0 && message is StreamEventMessage)
        {
            first = Stopwatch.GetTimestamp();
        }

        Latency(message, latencies);
    }

    return first;
}

// Until the pool holds <idle> initialised processes and nothing starts or retires, so that one burst's replacements do
// not run beside the next burst's measurement.
static async Task SettledAsync(QoderProcessPool pool, int idle)
{
    var deadline = Stopwatch.StartNew();
    while (pool.Snapshot() is var s && (s.Idle < idle || s.Starting > 0 || s.Retiring > 0))
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException($"The pool did not settle within 2 minutes: {s}.");
        }

        await Task.Delay(10);
    }
}

// The most CLI starts pending at once during the burst (running, or queued behind Pool:MaxConcurrentStarts), and how
// long any was pending (sampled every 5 ms).
static async Task<(int MaxStarting, double StartingMs)> SampleStartsAsync(QoderProcessPool pool, CancellationToken cancellationToken)
{
    var max = 0;
    var startingTicks = 0L;
    var last = Stopwatch.GetTimestamp();
    while (!cancellationToken.IsCancellationRequested)
    {
        var starting = pool.Snapshot().Starting;
        var now = Stopwatch.GetTimestamp();
        max = Math.Max(max, starting);
        startingTicks += starting > 0 ? now - last : 0;
        last = now;
        try
        {
            await Task.Delay(5, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }

    return (max, startingTicks / 1e6);
}

static string Join(IEnumerable<double> latencies)
{
    var text = new StringBuilder();
    foreach (var latency in latencies)
    {
        text.Append(text.Length == 0 ? string.Empty : ",").Append(Math.Round(latency).ToString(CultureInfo.InvariantCulture));
    }

    return text.ToString();
}
