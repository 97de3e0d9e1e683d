using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting;
using Xunit.Abstractions;

namespace Qoder.Reliability.Tests;

/// <summary>
/// Thousands of runs through <see cref="IQoderAgent"/> on the stand-in: every process the pool started is gone at the end,
/// and the host's file descriptors, threads and managed heap do not grow with the number of runs.
/// </summary>
[Collection(ProcessCountingGroup.Name)]
public sealed class SoakTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 4;
    private const int RunsPerRound = 250;
    private const int Callers = 8;
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-soak-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Thousands_of_runs_leave_processes_descriptors_threads_and_heap_flat()
    {
        var launch = StandInLaunch.Prepare(QoderScenario.Create().Reply("done"), _work);
        var (builder, _) = StandInOptions.HostWithAgent(launch, _work, minIdle: 2, maxSize: Callers);
        using var host = builder.Build();
        await host.StartAsync();
        var agent = host.Services.GetRequiredService<IQoderAgent>();
        var started = new HashSet<int>();
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => RunManyAsync(agent, RunsPerRound / Callers)));
            Assert.All(results.SelectMany(r => r), text => Assert.Equal("done", text));
            started.UnionWith(ChildProcesses());
            samples.Add(Sample.Take());
            output.WriteLine($"after {(round + 1) * RunsPerRound} runs: {samples[^1]}");
        }

        output.WriteLine($"{Rounds * RunsPerRound} runs in {clock.Elapsed.TotalSeconds:F1} s ({Rounds * RunsPerRound / clock.Elapsed.TotalSeconds:F0} runs/s with {Callers} callers)");
        await host.StopAsync();

        Assert.DoesNotContain(started, ProcessLiveness.IsAlive);
        var first = samples[0];
        var last = samples[^1];
        Assert.True(last.Descriptors <= first.Descriptors + 16, $"descriptors grew: {first} → {last}");
        // The thread pool grows and shrinks with load on its own; a thread kept per run would add hundreds.
        Assert.True(last.Threads <= first.Threads + 64, $"threads grew: {first} → {last}");
        Assert.True(last.HeapBytes <= first.HeapBytes + (8 << 20), $"managed heap grew: {first} → {last}");
    }

    private static async Task<List<string>> RunManyAsync(IQoderAgent agent, int runs)
    {
        var texts = new List<string>(runs);
        for (var i = 0; i < runs; i++)
        {
            texts.Add((await agent.RunAsync("hello")).Text);
        }

        return texts;
    }

    private static IEnumerable<int> ChildProcesses() =>
        ProcessTree.Of(Environment.ProcessId).Where(pid => pid != Environment.ProcessId);

    private sealed record Sample(int Descriptors, int Threads, long HeapBytes)
    {
        public static Sample Take()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            return new(Directory.GetFiles("/proc/self/fd").Length, self.Threads.Count, GC.GetTotalMemory(forceFullCollection: true));
        }

        public override string ToString() => $"{Descriptors} fds, {Threads} threads, {HeapBytes / 1024} KiB heap";
    }
}
