using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Transport;
using Qoder.Extensions.Hosting;
using Qoder.RealCli.Testing;

// Turn latency of a conversation pinned to its process against a cold resume of it from the local transcript (close, so
// the process exits and the transcript is complete, then the next turn starts a process with --resume). The two are
// measured alternately in one run, on the stand-in and, with --real N, on the real qodercli (route A, scripted model).
// Usage: dotnet run -c Release --project benchmarks/Qoder.Conversations.Latency [-- --samples 30 --real 3]
var samples = Option(args, "--samples", 30);
var realSamples = Option(args, "--real", 0);
var work = Directory.CreateTempSubdirectory("qoder-conv-bench-").FullName;
try
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}"));
    var launch = StandInLaunch.Prepare(new QoderScenario { DefaultReply = "seen: " + QoderScenario.PreviousPromptsPlaceholder }, work);
    var standIn = await MeasureAsync(samples, o =>
    {
        o.CliPath = launch.CliPath;
        foreach (var (name, value) in launch.Environment.Where(e => e.Key != StandInLaunch.RecordVariable))
        {
            o.Environment[name] = value;
        }
    }, work);
    var rows = new List<(string Name, double[] Pinned, double[] Cold)> { ("stand-in", standIn.Pinned, standIn.Cold) };
    if (realSamples > 0)
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        var real = await MeasureAsync(realSamples, o => RouteA(o, cli, work, turns: 2 * realSamples + 2), work);
        rows.Add(("real qodercli 1.1.52 (route A)", real.Pinned, real.Cold));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}"));
    Console.WriteLine();
    Console.WriteLine("| CLI | Turns | Pinned turn median (ms) | Pinned p90 (ms) | Cold resume, local transcript, median (ms) | Cold p90 (ms) | Cold / pinned |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, pinned, cold) in rows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {pinned.Length} + {cold.Length} | {Percentile(pinned, 0.5):F1} | {Percentile(pinned, 0.9):F1} | {Percentile(cold, 0.5):F1} | {Percentile(cold, 0.9):F1} | {Percentile(cold, 0.5) / Percentile(pinned, 0.5):N1}x |"));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

// One conversation; each sample is a pinned turn, then a close and a turn that resumes the conversation on a new process.
static async Task<(double[] Pinned, double[] Cold)> MeasureAsync(int count, Action<QoderAgentOptions> cli, string work)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
    builder.AddQoderAgent(o =>
    {
        o.WorkingDirectory = work;
        o.Environment["QODER_CONFIG_DIR"] = Path.Combine(work, "config");
        cli(o);
    }).Configure(o =>
    {
        o.Pool.MinIdle = 1;
        o.Pool.MaxSize = 2;
        o.Pool.AcquireTimeout = TimeSpan.FromMinutes(2);
        o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
    });
    using var host = builder.Build();
    await host.StartAsync();
    var conversations = host.Services.GetRequiredService<IQoderConversations>();
    var pinned = new List<double>();
    var cold = new List<double>();
    try
    {
        var id = await conversations.StartAsync();
        await conversations.RunAsync(id, "warm-up");
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await conversations.RunAsync(id, "pinned " + i.ToString(CultureInfo.InvariantCulture));
            pinned.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            await conversations.CloseAsync(id);
            started = Stopwatch.GetTimestamp();
            await conversations.RunAsync(id, "cold " + i.ToString(CultureInfo.InvariantCulture));
            cold.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
    finally
    {
        await host.StopAsync();
    }

    return ([.. pinned], [.. cold]);
}

// Route A of docs/protocol.md: headless, external auth, a scripted model that answers every turn.
static void RouteA(QoderAgentOptions options, string cli, string work, int turns)
{
    var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
    var script = new FakeResponsesScript();
    for (var i = 0; i < turns; i++)
    {
        script.AddText("ok");
    }

    script.WriteTo(Path.Combine(home, "fake-responses.jsonl"));
    options.CliPath = cli;
    options.AutoInstallCli = false;
    options.Settings = FakeResponsesScript.UseExternalAuthSettingsJson;
    options.ExtraArgs["fake-responses"] = Path.Combine(home, "fake-responses.jsonl");
    options.Environment["HOME"] = home;
    options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
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
