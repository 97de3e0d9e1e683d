using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.RealCli.Testing;

namespace Qoder.FirstMessage.RouteB;

/// <summary>
/// The investigation: for each warm-up variant, a fresh CLI in SDK mode is connected, left idle as a pooled process
/// would be, given the warm-up step, and then one prompt. Prints when the mock saw each request (relative to the prompt),
/// the time to the first assistant message, and the transcript's entry types (a warm-up that adds an entry pollutes the
/// conversation).
/// </summary>
internal sealed class WarmUpProbe(string work, RecordingCliWrapper wrapper, QoderBackendMock mock, ConcurrentQueue<(long At, string Request)> arrivals)
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(8);

    private static readonly (string Name, Func<QoderClient, Task>? Step)[] Variants =
    [
        ("none", null),
        ("get_context_usage", c => c.SendControlRequestAsync(new JsonObject { ["subtype"] = "get_context_usage" })),
        ("get_settings", c => c.SendControlRequestAsync(new JsonObject { ["subtype"] = "get_settings" })),
        ("get_models", c => c.SendControlRequestAsync(new JsonObject { ["subtype"] = "get_models" })),
        ("shouldQuery:false", c => c.SendAsync(new QoderUserInput(new QoderTextInput("priming")) { ShouldQuery = false })),
    ];

    public async Task RunAsync(int rounds)
    {
        var results = new List<(string Name, double Ms, double Chat, string Transcript)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, step) in Variants)
            {
                results.Add(await RunOneAsync(name, step, round));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Warm-up before the prompt | Prompt → chat request (ms) | Prompt → first assistant (ms) | Transcript entry types |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Chat:F0} | {r.Ms:F0} | {r.Transcript} |"));
        }
    }

    private async Task<(string Name, double Ms, double Chat, string Transcript)> RunOneAsync(string name, Func<QoderClient, Task>? step, int round)
    {
        var label = name.Replace(':', '-') + "-" + round.ToString(CultureInfo.InvariantCulture);
        var home = Path.Combine(work, "home-probe-" + label);
        var cwd = Directory.CreateDirectory(Path.Combine(work, "cwd-probe-" + label)).FullName;
        var options = new QoderAgentOptions { WorkingDirectory = cwd, InitializeTimeout = TimeSpan.FromMinutes(2), Debug = true };
        RouteB.Apply(options, wrapper, mock, home);
        double ms;
        double chat;
        var connected = Stopwatch.GetTimestamp();
        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{label}] initialised after {Stopwatch.GetElapsedTime(connected).TotalMilliseconds:F0} ms; idle {Idle.TotalSeconds} s"));
            await Task.Delay(Idle);
            if (step is not null)
            {
                var stepStart = Stopwatch.GetTimestamp();
                await step(client);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{label}] warm-up step {Stopwatch.GetElapsedTime(stepStart).TotalMilliseconds:F0} ms"));
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            arrivals.Clear();
            var sent = Stopwatch.GetTimestamp();
            await client.SendAsync("probe " + label);
            double? first = null;
            await foreach (var message in client.ReceiveResponseAsync())
            {
                if (message is AssistantMessage && first is null)
                {
                    first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            }

            ms = first ?? double.NaN;
            var seen = arrivals.ToArray();
            foreach (var (at, request) in seen)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{label}]   +{Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds,7:F0} ms  {request}"));
            }

            var chatCall = seen.FirstOrDefault(a => a.Request.EndsWith(QoderBackendMock.ChatPath, StringComparison.Ordinal));
            chat = chatCall.At == 0 ? double.NaN : Stopwatch.GetElapsedTime(sent, chatCall.At).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{label}] first assistant message {ms:F0} ms after the prompt; stderr tail: {client.StderrTail.Length} chars"));
            var logs = Path.Combine(Path.GetTempPath(), "qoder-ttfm-logs");
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, label + ".stderr.txt"), client.StderrTail);
        }

        CopyRunLogs(home, label);
        return (name, ms, chat, TranscriptSummary(home));
    }

    // Entry types of every transcript the CLI wrote, with a marker when the priming text is in it.
    private static string TranscriptSummary(string home)
    {
        var projects = Path.Combine(home, ".qoder", "projects");
        if (!Directory.Exists(projects))
        {
            return "(none)";
        }

        var parts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(projects, "*.jsonl", SearchOption.AllDirectories))
        {
            var types = File.ReadLines(file).Select(line => JsonNode.Parse(line)?["type"]?.GetValue<string>() ?? "?");
            var primed = File.ReadAllText(file).Contains("priming", StringComparison.Ordinal) ? " (priming text present)" : string.Empty;
            parts.Add(string.Join(",", types) + primed);
        }

        return parts.Count == 0 ? "(none)" : string.Join(" / ", parts);
    }

    private static void CopyRunLogs(string home, string label)
    {
        var runs = Path.Combine(home, ".qoder", "logs");
        if (!Directory.Exists(runs))
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "qoder-ttfm-logs", label)).FullName;
        foreach (var file in Directory.EnumerateFiles(runs, "*.log", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(Path.GetDirectoryName(file)) + "-" + Path.GetFileName(file)), overwrite: true);
        }
    }
}
