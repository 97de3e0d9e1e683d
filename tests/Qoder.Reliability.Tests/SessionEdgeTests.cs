using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting;

namespace Qoder.Reliability.Tests;

/// <summary>Edges of a hosted agent's life that must say what happened instead of failing quietly or misleadingly.</summary>
public sealed class SessionEdgeTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-edges-").FullName;
    private readonly FakeLogCollector _logs = new();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Disposing_a_session_while_its_turn_is_received_says_so()
    {
        using var host = BuildHost(QoderScenario.Create().Turn(t => t.Text("working").Hang()), out _);
        await host.StartAsync();
        var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard);
        await session.SendAsync("go");
        var messages = session.ReceiveResponseAsync().GetAsyncEnumerator();
        Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Guard));

        var rest = DrainAsync(messages);
        await session.DisposeAsync();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => rest.WaitAsync(Guard));
        Assert.Contains("disposed while its turn was being received", error.Message, StringComparison.Ordinal);
        await messages.DisposeAsync();
        await host.StopAsync().WaitAsync(Guard);
    }

    [Fact]
    public async Task An_invalid_configuration_reload_is_reported_and_the_last_valid_options_stay()
    {
        using var host = BuildHost(QoderScenario.Create().Reply("still fine"), out var configuration);
        await host.StartAsync();

        configuration["Qoder:Resilience:MaxRetryAttempts"] = "11";
        configuration.Reload();

        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 2012);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Qoder:Resilience:MaxRetryAttempts", warning.Message, StringComparison.Ordinal);
        Assert.Contains("last valid options stay", warning.Message, StringComparison.Ordinal);
        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("hi").WaitAsync(Guard);
        Assert.Equal("still fine", result.Text);
        await host.StopAsync().WaitAsync(Guard);
    }

    private static async Task DrainAsync(IAsyncEnumerator<Qoder.AgentSdk.Protocol.QoderMessage> messages)
    {
        while (await messages.MoveNextAsync())
        {
        }
    }

    private IHost BuildHost(QoderScenario scenario, out IConfigurationRoot configuration)
    {
        var launch = StandInLaunch.Prepare(scenario, _work);
        var (builder, _) = StandInOptions.HostWithAgent(launch, _work, minIdle: 0, configure: o => o.ShutdownGracePeriod = o.KillGracePeriod = TimeSpan.FromMilliseconds(200));
        builder.Logging.AddProvider(new FakeLoggerProvider(_logs));
        configuration = builder.Configuration;
        return builder.Build();
    }
}
