using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting;
using Xunit.Abstractions;

namespace Qoder.Reliability.Tests;

/// <summary>Host stop with every pool slot leased to a CLI that ignores EOF: the deadline kill ends them all, side by side.</summary>
[Collection(ProcessCountingGroup.Name)]
public sealed class HostStopTests(ITestOutputHelper output) : IDisposable
{
    private const int Sessions = 64;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-stop64-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Stopping_with_64_leased_busy_sessions_leaves_no_process()
    {
        var launch = StandInLaunch.Prepare(QoderScenario.Create().Turn(t => t.Text("busy").Hang()), _work);
        var (builder, _) = StandInOptions.HostWithAgent(launch, _work, minIdle: 0, maxSize: Sessions);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        using var host = builder.Build();
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IQoderSessionFactory>();
        var sessions = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(_ => LeaseBusyAsync(factory)));
        var trees = sessions.SelectMany(s => ProcessTree.Of(s.ProcessId!.Value)).ToList();
        Assert.Equal(Sessions, sessions.Select(s => s.ProcessId).Distinct().Count());

        var stopping = Stopwatch.StartNew();
        await host.StopAsync();
        output.WriteLine($"StopAsync with {Sessions} leased busy sessions returned after {stopping.Elapsed.TotalSeconds:F2} s (ShutdownTimeout {ShutdownTimeout.TotalSeconds} s).");

        Assert.DoesNotContain(trees, ProcessLiveness.IsAlive);
    }

    private static async Task<IQoderSession> LeaseBusyAsync(IQoderSessionFactory factory)
    {
        var session = await factory.CreateSessionAsync();
        await session.SendAsync("work");
        await using var messages = session.ReceiveResponseAsync().GetAsyncEnumerator();
        Assert.True(await messages.MoveNextAsync());
        return session;
    }
}
