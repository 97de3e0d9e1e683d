using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>A service provider with the default agent over fake processes and a fake clock.</summary>
internal sealed class TestServices : IAsyncDisposable
{
    public TestServices(Action<QoderHostingOptions>? configure = null, Action<IServiceCollection>? services = null, IDictionary<string, string?>? configuration = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(configuration ?? new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" })
            .Build());
        collection.AddLogging();
        collection.AddSingleton<IQoderClientFactory>(Factory);
        collection.AddSingleton<TimeProvider>(Time);
        services?.Invoke(collection);
        var builder = collection.AddQoderAgent().Configure(o =>
        {
            o.Pool.MinIdle = 0;
            o.Resilience.RetryDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        builder.AddHealthCheck();
        Provider = collection.BuildServiceProvider();
    }

    public FakeProcessFactory Factory { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ServiceProvider Provider { get; }

    public QoderProcessPool Pool => Provider.GetRequiredKeyedService<QoderProcessPool>(string.Empty);

    public IQoderAgent Agent => Provider.GetRequiredService<IQoderAgent>();

    public IQoderSessionFactory Sessions => Provider.GetRequiredService<IQoderSessionFactory>();

    public HealthCheckService Health => Provider.GetRequiredService<HealthCheckService>();

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
