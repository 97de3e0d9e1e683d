using System.Diagnostics;
using System.Globalization;
using Qoder.AgentSdk.Testing;

// Start-up latency of the stand-in, two measurements taken alternately so that machine load hits both alike:
//   init:    spawn -> `initialize` written -> `system/init` line read;
//   version: spawn -> `--version` printed -> exit (process and runtime start, argument and scenario parsing: the floor).
// Measured side by side: the stand-in StandInLaunch picks (the native qodercli-standin where it was built), the same
// pinned to one CPU (taskset -c 0, as in a one-CPU container), the assembly run as `dotnet Qoder.AgentSdk.Testing.dll`,
// and any extra stand-ins named on the command line.
// Usage: Qoder.StandIn.Startup [runs] [other stand-in (dll or executable) ...]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
const string Initialize = "{\"type\":\"control_request\",\"request_id\":\"init-1\",\"request\":{\"subtype\":\"initialize\"}}";
var work = Directory.CreateTempSubdirectory("standin-bench-").FullName;
var launch = StandInLaunch.Prepare(QoderScenario.Create(), work);
try
{
    var standIns = new List<(string Name, string[] Command)> { ("StandInLaunch.CliPath: " + Path.GetFileName(launch.CliPath), Command(launch.CliPath)) };
    if (launch.IsNative)
    {
        if (File.Exists("/usr/bin/taskset"))
        {
            standIns.Add(("qodercli-standin on one CPU", ["/usr/bin/taskset", "-c", "0", launch.CliPath]));
        }

        standIns.Add(("dotnet Qoder.AgentSdk.Testing.dll", Command(typeof(StandInLaunch).Assembly.Location)));
    }

    standIns.AddRange(args.Skip(1).Select(Path.GetFullPath).Select(path => (path, Command(path))));

    var init = standIns.Select(_ => new List<double>()).ToArray();
    var version = standIns.Select(_ => new List<double>()).ToArray();
    for (var i = -1; i < runs; i++)
    {
        for (var d = 0; d < standIns.Count; d++)
        {
            var initMs = await MeasureInitAsync(standIns[d].Command);
            var versionMs = await MeasureVersionAsync(standIns[d].Command);
            if (i >= 0)
            {
                // Run -1 warms the disk cache.
                init[d].Add(initMs);
                version[d].Add(versionMs);
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} alternating runs, load average {LoadAverage()}"));
    for (var d = 0; d < standIns.Count; d++)
    {
        init[d].Sort();
        version[d].Sort();
        var name = standIns[d].Name;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: spawn -> system/init median {Percentile(init[d], 0.5):F1} ms, p90 {Percentile(init[d], 0.9):F1} ms, min {init[d][0]:F1} ms; "
            + $"--version median {Percentile(version[d], 0.5):F1} ms, p90 {Percentile(version[d], 0.9):F1} ms; "
            + $"ratio {Percentile(init[d], 0.5) / Percentile(version[d], 0.5):F2}"));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static string[] Command(string standIn) => standIn.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", standIn] : [standIn];

ProcessStartInfo StartInfo(string[] command, params string[] cliArgs)
{
    var info = new ProcessStartInfo(command[0])
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = work,
    };
    foreach (var arg in command.Skip(1).Concat(cliArgs))
    {
        info.ArgumentList.Add(arg);
    }

    foreach (var (key, value) in launch.Environment)
    {
        info.Environment[key] = value;
    }

    return info;
}

async Task<double> MeasureInitAsync(string[] command)
{
    var info = StartInfo(command, "--print", "--output-format", "stream-json", "--input-format", "stream-json");
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    try
    {
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("\"subtype\":\"init\"", StringComparison.Ordinal))
            {
                var elapsed = clock.Elapsed.TotalMilliseconds;
                process.StandardInput.Close();
                await process.WaitForExitAsync();
                return elapsed;
            }
        }

        throw new InvalidOperationException("no system/init: " + await process.StandardError.ReadToEndAsync());
    }
    finally
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}

async Task<double> MeasureVersionAsync(string[] command)
{
    var info = StartInfo(command, "--version");
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    try
    {
        // Timed to the printed line, like the init measurement, not to the exit.
        var line = await process.StandardOutput.ReadLineAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(line))
        {
            throw new InvalidOperationException("--version failed: " + await process.StandardError.ReadToEndAsync());
        }

        return elapsed;
    }
    finally
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
