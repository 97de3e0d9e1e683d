using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>Resuming, naming and forking sessions: per lease, or agent-wide only where every process may carry it.</summary>
public sealed class SessionShapingTests : IDisposable
{
    private const string SessionToResume = "2b1c0a6e-5f8e-4a52-9d55-1f4f3f0c2a11";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-shaping-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("1", "false")]
    [InlineData("4", "true")]
    public async Task Agent_wide_resume_starts_when_the_pool_holds_one_process_or_each_process_forks(string maxSize, string fork)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Pool:MinIdle"] = "0",
            ["Qoder:Pool:MaxSize"] = maxSize,
            ["Qoder:Agent:Resume"] = SessionToResume,
            ["Qoder:Agent:ForkSession"] = fork,
        });
        builder.AddQoderAgent();
        using var host = builder.Build();

        await host.StartAsync().WaitAsync(Guard);

        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task A_lease_that_resumes_gets_a_process_of_its_own_started_with_resume()
    {
        var launch = StandInLaunch.Prepare(QoderScenario.Create().AcceptingUnknownResume(), _work);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.AddQoderAgent(o => StandInPerProcessRecords.Apply(o, launch, _work)).ConfigurePool(p => p.MinIdle = 1);
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(Guard);
        var factory = host.Services.GetRequiredService<IQoderSessionFactory>();

        int? warm;
        await using (var plain = await factory.CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            warm = plain.ProcessId;
        }

        await using (var resumed = await factory.CreateSessionAsync(new QoderSessionOptions { Resume = SessionToResume, ForkSession = true }).AsTask().WaitAsync(Guard))
        {
            Assert.NotEqual(warm, resumed.ProcessId);
            var argv = StandInRecording.Load($"{launch.RecordPath}.{resumed.ProcessId}").Arguments;
            Assert.Equal(SessionToResume, argv[argv.ToList().IndexOf("--resume") + 1]);
            Assert.Contains("--fork-session", argv);
        }

        await host.StopAsync().WaitAsync(Guard);
    }
}
