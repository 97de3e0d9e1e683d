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
using Qoder.Extensions.Hosting.Pooling;
using Qoder.RealCli.Testing;

// Lease latency of a warm pool (CreateSessionAsync call -> SendAsync of the prompt completed) at 1, 8 and 32 concurrent
// callers, beside the cold start (spawn -> initialize answered) of the stand-in and of the real qodercli (route A).
// With --isolate, the benchmark (every thread: it restarts itself under taskset) runs on CPU 0 and the CLI processes
// on the other CPUs, so that stand-ins answering the first prompts of a round do not take the CPU from the callers
// still being measured.
// Usage: dotnet run -c Release --project benchmarks/Qoder.Pool.LeaseLatency [-- --levels 1,8,32 --samples 300
//        --min-rounds 20 --standin-cold 10 --real-cold 3 --isolate]
const string IsolatedVariable = "QODER_LEASE_BENCH_ON_CPU0";
var settings = Settings.Parse(args);
if (settings.Isolate && Environment.GetEnvironmentVariable(IsolatedVariable) is null)
{
    return await RestartOnCpu0Async(args);
}

// Under taskset the runtime sees one CPU; the restarted process is told how many the machine has.
var cpus = int.TryParse(Environment.GetEnvironmentVariable(IsolatedVariable), CultureInfo.InvariantCulture, out var total) ? total : Environment.ProcessorCount;

var work = Directory.CreateTempSubdirectory("qoder-lease-bench-").FullName;
try
{
    var launch = StandInLaunch.Prepare(QoderScenario.Create(), work);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {cpus} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stand-in: {launch.CliPath}{(settings.Isolate ? " (isolated: benchmark on CPU 0, stand-ins on the others)" : string.Empty)}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average before: {LoadAverage()}"));
    var standInPath = settings.Isolate && !OperatingSystem.IsWindows() ? OffCpu0(launch.CliPath, work, cpus) : launch.CliPath;

    var levels = new List<(int Callers, int Rounds, double[] Samples, double[] Acquire)>();
    foreach (var callers in settings.Levels)
    {
        var rounds = Math.Max(settings.MinRounds, (int)Math.Ceiling(settings.Samples / (double)callers));
        var (samples, acquire) = await LeaseLatencyAsync(launch, standInPath, work, callers, rounds);
        levels.Add((callers, rounds, samples, acquire));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {callers} caller(s): {rounds} rounds, {samples.Length} samples, median {Median(samples):F3} ms, p99 {Percentile(samples, 0.99):F3} ms"));
    }

    var standIn = await ColdStartsAsync(settings.StandInColdRuns, () => StandInOptions(launch, standInPath, work));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stand-in cold start: median {Median(standIn):F1} ms"));
    var installed = await QoderCliInstaller.EnsureInstalledAsync();
    var cliPath = settings.Isolate && !OperatingSystem.IsWindows() ? OffCpu0(installed, work, cpus) : installed;
    var real = await ColdStartsAsync(settings.RealColdRuns, () => RouteAOptions(cliPath, work));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}"));

    Console.WriteLine();
    Console.WriteLine("| Measurement | Samples | Median (ms) | p90 (ms) | p99 (ms) | Max (ms) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (callers, rounds, samples, acquire) in levels)
    {
        Row($"Lease, warm pool, {callers} concurrent caller(s) ({rounds} rounds)", samples);
        Row($"  of which CreateSessionAsync, {callers} caller(s)", acquire);
    }

    Row("Cold start, stand-in (spawn -> initialize answered)", standIn);
    Row("Cold start, real qodercli 1.1.52 route A", real);
    Console.WriteLine();
    foreach (var (callers, _, samples, _) in levels)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio cold start / lease median at {callers} caller(s): stand-in {Ratio(standIn, samples)}, real CLI {Ratio(real, samples)}"));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

static void Row(string name, double[] samples)
{
    if (samples.Length > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {samples.Length} | {Median(samples):F3} | {Percentile(samples, 0.9):F3} | {Percentile(samples, 0.99):F3} | {samples.Max():F3} |"));
    }
}

static async Task<(double[] Samples, double[] Acquire)> LeaseLatencyAsync(StandInLaunch launch, string standInPath, string work, int callers, int rounds)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
    builder.AddQoderAgent(o => Apply(StandInOptions(launch, standInPath, work), o)).ConfigurePool(p =>
    {
        p.MinIdle = callers;
        p.MaxSize = callers;
        p.AcquireTimeout = TimeSpan.FromMinutes(2);
    });
    using var host = builder.Build();
    await host.StartAsync();
    var pool = host.Services.GetRequiredKeyedService<QoderProcessPool>(string.Empty);
    var sessions = host.Services.GetRequiredService<IQoderSessionFactory>();
    var samples = new List<double>(callers * rounds);
    var acquire = new List<double>(callers * rounds);
    try
    {
        // One unmeasured round warms the JIT on the lease and write paths.
        for (var round = -1; round < rounds; round++)
        {
            await WarmAsync(pool, callers);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var leases = Enumerable.Range(0, callers).Select(_ => LeaseAsync(sessions, gate.Task)).ToArray();
            gate.SetResult();
            var results = await Task.WhenAll(leases);
            if (round >= 0)
            {
                samples.AddRange(results.Select(r => r.Milliseconds));
                acquire.AddRange(results.Select(r => r.AcquireMilliseconds));
            }

            foreach (var (session, _, _) in results)
            {
                await session.DisposeAsync();
            }
        }
    }
    finally
    {
        await host.StopAsync();
    }

    return ([.. samples], [.. acquire]);
}

static async Task<(IQoderSession Session, double Milliseconds, double AcquireMilliseconds)> LeaseAsync(IQoderSessionFactory sessions, Task gate)
{
    await gate;
    var started = Stopwatch.GetTimestamp();
    var session = await sessions.CreateSessionAsync();
    var acquired = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    await session.SendAsync("What is 2 + 2?");
    return (session, Stopwatch.GetElapsedTime(started).TotalMilliseconds, acquired);
}

// Fully warm: every process initialised and idle, and the processes retired by the previous round gone, so that their
// shutdown does not run beside the measurement.
static async Task WarmAsync(QoderProcessPool pool, int callers)
{
    var deadline = Stopwatch.StartNew();
    while (pool.Snapshot().Idle < callers || pool.Snapshot().Retiring > 0)
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException($"The pool did not warm {callers} processes within 2 minutes.");
        }

        await Task.Delay(5);
    }
}

static async Task<double[]> ColdStartsAsync(int runs, Func<QoderAgentOptions> options)
{
    var samples = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var client = new QoderClient(options());
        await using (client.ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            await client.ConnectAsync();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    return [.. samples];
}

static QoderAgentOptions StandInOptions(StandInLaunch launch, string standInPath, string work)
{
    var options = new QoderAgentOptions { CliPath = standInPath, WorkingDirectory = work, Auth = QoderAuth.Headless() };
    foreach (var (name, value) in launch.Environment)
    {
        // The stand-in's record is written by every process; the benchmark does not need it.
        if (name != StandInLaunch.RecordVariable)
        {
            options.Environment[name] = value;
        }
    }

    return options;
}

static async Task<int> RestartOnCpu0Async(string[] args)
{
    if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2 || !File.Exists("/usr/bin/taskset"))
    {
        throw new PlatformNotSupportedException("--isolate needs Linux, two or more CPUs and /usr/bin/taskset.");
    }

    var info = new ProcessStartInfo("/usr/bin/taskset") { UseShellExecute = false };
    info.ArgumentList.Add("-c");
    info.ArgumentList.Add("0");
    info.ArgumentList.Add(Environment.ProcessPath!);
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        info.ArgumentList.Add(typeof(Settings).Assembly.Location);
    }

    foreach (var arg in args)
    {
        info.ArgumentList.Add(arg);
    }

    info.Environment[IsolatedVariable] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
    using var process = Process.Start(info)!;
    await process.WaitForExitAsync();
    return process.ExitCode;
}

// A launcher that runs a CLI (native, .dll or script) on every CPU but CPU 0; it costs one sh and one taskset exec.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
static string OffCpu0(string cli, string work, int cpus)
{
    var runner = Path.GetExtension(cli).ToLowerInvariant() switch
    {
        ".dll" => "dotnet ",
        ".js" or ".mjs" => "node ",
        _ => string.Empty,
    };
    var launcher = Path.Combine(work, $"off-cpu0-{Path.GetFileNameWithoutExtension(cli)}.sh");
    File.WriteAllText(launcher, string.Create(CultureInfo.InvariantCulture,
        $"#!/bin/sh\nexec /usr/bin/taskset -c 1-{cpus - 1} {runner}'{cli}' \"$@\"\n"));
    File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    return launcher;
}

// Route A of docs/protocol.md (Running the real CLI offline), as in the real-CLI tests: headless, external auth, a scripted model.
static QoderAgentOptions RouteAOptions(string cliPath, string work)
{
    var home = Directory.CreateDirectory(Path.Combine(work, "home-" + Guid.NewGuid().ToString("N"))).FullName;
    var script = Path.Combine(home, "fake-responses.jsonl");
    new FakeResponsesScript().AddText("4").WriteTo(script);
    var options = new QoderAgentOptions
    {
        CliPath = cliPath,
        AutoInstallCli = false,
        WorkingDirectory = work,
        Auth = QoderAuth.Headless(),
        Settings = FakeResponsesScript.UseExternalAuthSettingsJson,
        ShutdownGracePeriod = TimeSpan.FromMilliseconds(500),
        KillGracePeriod = TimeSpan.FromMilliseconds(500),
    };
    options.ExtraArgs["fake-responses"] = script;
    options.Environment["HOME"] = home;
    options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
    return options;
}

static void Apply(QoderAgentOptions from, QoderAgentOptions to)
{
    to.CliPath = from.CliPath;
    to.WorkingDirectory = from.WorkingDirectory;
    foreach (var (name, value) in from.Environment)
    {
        to.Environment[name] = value;
    }
}

static string Ratio(double[] cold, double[] lease) =>
    cold.Length == 0 ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{Median(cold) / Median(lease):N0}x");

static double Median(double[] samples) => Percentile(samples, 0.5);

static double Percentile(double[] samples, double p)
{
    var sorted = samples.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Max(0, Math.Ceiling(p * sorted.Length) - 1))];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

internal sealed record Settings(int[] Levels, int Samples, int MinRounds, int StandInColdRuns, int RealColdRuns, bool Isolate)
{
    public static Settings Parse(string[] args)
    {
        var settings = new Settings([1, 8, 32], 300, 20, 10, 3, Isolate: false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--isolate")
            {
                settings = settings with { Isolate = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i - 1] switch
            {
                "--levels" => settings with { Levels = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--samples" => settings with { Samples = int.Parse(value, CultureInfo.InvariantCulture) },
                "--min-rounds" => settings with { MinRounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--standin-cold" => settings with { StandInColdRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                "--real-cold" => settings with { RealColdRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i - 1]}."),
            };
        }

        return settings;
    }
}
