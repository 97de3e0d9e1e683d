using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>The pool under the generic host, over fake processes.</summary>
public sealed class HostStopTests
{
    [Fact]
    public async Task A_lease_ended_during_host_stop_starts_no_replacement()
    {
        var factory = new FakeProcessFactory();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.AddQoderAgent().ConfigurePool(p =>
        {
            p.MinIdle = 1;
            p.MaxSize = 1;
        });
        builder.Services.AddSingleton<IQoderClientFactory>(factory);

        // Registered after the agent, so the host stops it first: like a worker whose conversation ends on shutdown.
        builder.Services.AddSingleton<LeaseHolder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaseHolder>());
        using var host = builder.Build();
        await host.StartAsync();
        var holder = host.Services.GetRequiredService<LeaseHolder>();
        var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync();
        await session.SendAsync("hi");
        holder.Session = session;
        var startedBeforeStop = -1;
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => startedBeforeStop = factory.Created.Count);

        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, startedBeforeStop);
        Assert.Single(factory.Created);
        Assert.True(holder.Disposed);
        Assert.All(factory.Created, p => Assert.True(p.Disposed));
    }

    private sealed class LeaseHolder : IHostedService
    {
        public IQoderSession? Session { get; set; }

        public bool Disposed { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (Session is not null)
            {
                await Session.DisposeAsync();
                Disposed = true;
            }
        }
    }
}
