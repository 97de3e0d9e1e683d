using System.Diagnostics;
using System.Globalization;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

// The C# side of the side-by-side benchmark (run.sh runs it alternately with ts-driver.mjs).
//   throughput <fake-cli> <stream.jsonl> <queries>   one JSON line per query: messages, bytes, ms, allocated bytes, peak working set
//   idle <fake-cli> <sessions>                       managed memory per connected idle client
//   parse <stream.jsonl> <passes>                    the parse alone, in memory: one JSON line per pass
var mode = args.Length > 0 ? args[0] : string.Empty;
return mode switch
{
    "throughput" when args.Length == 4 => await ThroughputAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)).ConfigureAwait(false),
    "parse" when args.Length == 3 => Parse(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
    "idle" when args.Length == 3 => await IdleAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)).ConfigureAwait(false),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: throughput <fake-cli> <stream.jsonl> <queries> | idle <fake-cli> <sessions> | parse <stream.jsonl> <passes>");
    return 2;
}

static QoderAgentOptions Options(string cli) => new()
{
    CliPath = cli,
    AutoInstallCli = false,
    Auth = QoderAuth.AccessToken("pt-benchmark-0000"),
    IncludePartialMessages = true,
    PersistSession = false,
};

static async Task<int> ThroughputAsync(string cli, string stream, int queries)
{
    Environment.SetEnvironmentVariable("QODER_BENCH_STREAM", stream);
    var bytes = new FileInfo(stream).Length;
    for (var query = 1; query <= queries; query++)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long messages = 0;
        await foreach (var message in QoderQuery.RunAsync("go", Options(cli)).ConfigureAwait(false))
        {
            messages++;
            if (message is ResultMessage)
            {
                break;
            }
        }

        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"sdk\":\"csharp\",\"query\":{query},\"messages\":{messages},\"bytes\":{bytes},\"ms\":{clock.Elapsed.TotalMilliseconds:F1},\"allocatedBytes\":{allocated},\"peakWorkingSet\":{self.PeakWorkingSet64}}}"));
    }

    return 0;
}

// The parse alone, in memory, with the public one-line parser: the part of a query's time that is not reading or hand-off.
static int Parse(string stream, int passes)
{
    var bytes = File.ReadAllBytes(stream);
    var lines = new List<ReadOnlyMemory<byte>>();
    for (var start = 0; start < bytes.Length;)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', start);
        end = end < 0 ? bytes.Length : end;
        if (end > start)
        {
            lines.Add(bytes.AsMemory(start, end - start));
        }

        start = end + 1;
    }

    for (var pass = 1; pass <= passes; pass++)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            QoderMessageSerializer.Parse(line);
        }

        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"sdk\":\"csharp-parse-only\",\"pass\":{pass},\"messages\":{lines.Count},\"bytes\":{bytes.Length},\"ms\":{clock.Elapsed.TotalMilliseconds:F1},\"allocatedBytes\":{allocated}}}"));
    }

    return 0;
}

static async Task<int> IdleAsync(string cli, int sessions)
{
    // One client first, so that statics and the JIT's data are not counted per session.
    var first = new QoderClient(Options(cli));
    await first.ConnectAsync().ConfigureAwait(false);
    await Task.Delay(500).ConfigureAwait(false);
    var before = Settled();
    var clients = new List<QoderClient>();
    for (var i = 0; i < sessions; i++)
    {
        var client = new QoderClient(Options(cli));
        await client.ConnectAsync().ConfigureAwait(false);
        clients.Add(client);
    }

    await Task.Delay(1000).ConfigureAwait(false);
    var after = Settled();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"sdk\":\"csharp\",\"sessions\":{sessions},\"managedBytesPerIdleSession\":{(after - before) / sessions}}}"));
    if (Environment.GetEnvironmentVariable("QODER_BENCH_HOLD") is "1")
    {
        // For a heap snapshot (dotnet-gcdump) of the idle sessions: hold them until a line arrives on stdin.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"holding\":{Environment.ProcessId}}}"));
        await Console.In.ReadLineAsync().ConfigureAwait(false);
    }

    GC.KeepAlive(first);
    foreach (var client in clients.Append(first))
    {
        await client.DisposeAsync().ConfigureAwait(false);
    }

    return 0;
}

static long Settled()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    return GC.GetTotalMemory(forceFullCollection: true);
}
