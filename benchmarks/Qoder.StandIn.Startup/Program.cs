using System.Diagnostics;
using System.Globalization;
using Qoder.AgentSdk.Testing;

// Spawn -> initialize written -> `system/init` line read, for the stand-in run as `dotnet <dll>` (what a client does).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 25;
var work = Directory.CreateTempSubdirectory("standin-bench-").FullName;
var launch = StandInLaunch.Prepare(QoderScenario.Create(), work);
const string Initialize = "{\"type\":\"control_request\",\"request_id\":\"init-1\",\"request\":{\"subtype\":\"initialize\"}}";

await MeasureAsync(); // warm-up (disk cache)
var samples = new List<double>();
for (var i = 0; i < runs; i++)
{
    samples.Add(await MeasureAsync());
}

samples.Sort();
double Percentile(double p) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(p * samples.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"stand-in spawn -> system/init over {runs} runs: median {Percentile(0.5):F1} ms, p90 {Percentile(0.9):F1} ms, min {samples[0]:F1} ms, max {samples[^1]:F1} ms"));
Directory.Delete(work, recursive: true);

async Task<double> MeasureAsync()
{
    var info = new ProcessStartInfo("dotnet")
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = work,
    };
    info.ArgumentList.Add(launch.CliPath);
    foreach (var arg in new[] { "--print", "--output-format", "stream-json", "--input-format", "stream-json" })
    {
        info.ArgumentList.Add(arg);
    }

    foreach (var (key, value) in launch.Environment)
    {
        info.Environment[key] = value;
    }

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
