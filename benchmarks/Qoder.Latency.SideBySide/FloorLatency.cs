using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

/// <summary>
/// The floor under any .NET client of the same fake CLI: no SDK, only the runtime's redirected stdout read line by line
/// and each line parsed, with the latency taken either on the reading task itself or after a channel hand-off to a
/// consumer task (the shape of every SDK that reads in the background and yields to an async enumerator).
/// </summary>
internal static class FloorLatency
{
    public static async Task<int> RunAsync(string cli, int queries, bool handOff)
    {
        for (var query = 1; query <= queries; query++)
        {
            using var process = Process.Start(new ProcessStartInfo(cli)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("The fake CLI did not start.");
            await process.StandardInput.WriteLineAsync("""{"type":"user","message":{"role":"user","content":"go"}}""");
            await process.StandardInput.FlushAsync();
            var latencies = handOff ? await ThroughChannelAsync(process) : await DirectAsync(process);
            await process.WaitForExitAsync();
            var joined = string.Join(',', latencies.Select(l => Math.Round(l).ToString(CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"sdk\":\"dotnet-floor{(handOff ? "-handoff" : string.Empty)}\",\"mode\":\"single\",\"query\":{query},\"latenciesUs\":[{joined}]}}"));
        }

        return 0;
    }

    private static async Task<List<double>> DirectAsync(Process process)
    {
        var latencies = new List<double>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!Record(line, latencies))
            {
                break;
            }
        }

        process.StandardInput.Close();
        return latencies;
    }

    private static async Task<List<double>> ThroughChannelAsync(Process process)
    {
        var stdout = process.StandardOutput;
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });
        var reading = Task.Run(async () =>
        {
            while (await stdout.ReadLineAsync() is { } line)
            {
                channel.Writer.TryWrite(line);
            }

            channel.Writer.Complete();
        });
        var latencies = new List<double>();
        await foreach (var line in channel.Reader.ReadAllAsync())
        {
            if (!Record(line, latencies))
            {
                break;
            }
        }

        // The CLI ends its output when its input ends.
        process.StandardInput.Close();
        await reading;
        return latencies;
    }

    // False at the result: the turn is over.
    private static bool Record(string line, List<double> latencies)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var now = Stopwatch.GetTimestamp();
        if (root.GetProperty("type").GetString() == "result")
        {
            return false;
        }

        if (root.TryGetProperty("event", out var e) && e.TryGetProperty("delta", out var delta) && delta.TryGetProperty("text", out var text))
        {
            latencies.Add((now - long.Parse(text.GetString()!, CultureInfo.InvariantCulture)) / 1000.0);
        }

        return true;
    }
}
