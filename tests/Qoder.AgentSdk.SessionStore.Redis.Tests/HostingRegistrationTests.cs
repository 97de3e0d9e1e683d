using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk.Sessions;
using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

[Collection(RedisServerGroup.Name)]
public sealed class HostingRegistrationTests
{
    private readonly RedisFixture _redis;

    public HostingRegistrationTests(RedisFixture redis) => _redis = redis;

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static Dictionary<string, string?> NoWarmProcesses() => new()
    {
        ["Qoder:Auth"] = "Headless",
        ["Qoder:Pool:MinIdle"] = "0",
    };

    [Fact]
    public async Task The_default_agents_store_is_the_keyed_service_with_the_empty_key_bound_from_configuration()
    {
        var prefix = RedisFixture.UniquePrefix();
        var settings = NoWarmProcesses();
        settings["Qoder:SessionStore:Redis:ConnectionString"] = _redis.Server.ConnectionString;
        settings["Qoder:SessionStore:Redis:Prefix"] = prefix;
        var builder = Builder(settings);
        builder.AddQoderAgent().AddRedisSessionStore();
        using var host = builder.Build();
        await host.StartAsync();

        var store = Assert.IsType<QoderRedisSessionStore>(host.Services.GetRequiredKeyedService<IQoderSessionStore>(string.Empty));
        Assert.Same(store, host.Services.GetRequiredKeyedService<IQoderSessionStore>(string.Empty));
        Assert.Equal(prefix, store.Prefix);
        await store.AppendAsync(new QoderSessionKey("-p", "s"), [Entries.Numbered(1)]);
        Assert.Equal(["s"], (await store.ListSessionsAsync("-p")).Select(s => s.SessionId));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_named_agent_gets_its_own_store_with_per_agent_settings_over_the_shared_ones()
    {
        var settings = NoWarmProcesses();
        settings["Qoder:SessionStore:Redis:ConnectionString"] = _redis.Server.ConnectionString;
        settings["Qoder:SessionStore:Redis:Prefix"] = "shared";
        settings["Qoder:Agents:reviewer:SessionStore:Redis:Prefix"] = "reviewer-sessions";
        var builder = Builder(settings);
        builder.AddQoderAgent("reviewer").AddRedisSessionStore(o => o.Database = 2);
        using var host = builder.Build();
        await host.StartAsync();

        var store = Assert.IsType<QoderRedisSessionStore>(host.Services.GetRequiredKeyedService<IQoderSessionStore>("reviewer"));
        Assert.Equal("reviewer-sessions", store.Prefix);
        Assert.Equal(2, host.Services.GetRequiredService<IOptionsMonitor<QoderRedisSessionStoreOptions>>().Get("reviewer").Database);
        Assert.Null(host.Services.GetKeyedService<IQoderSessionStore>(string.Empty));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_connection_string_fails_start_up_naming_the_key()
    {
        var builder = Builder(NoWarmProcesses());
        builder.AddQoderAgent("chat").AddRedisSessionStore();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Qoder:Agents:chat:SessionStore:Redis:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_prefix_fails_start_up_naming_the_key()
    {
        var settings = NoWarmProcesses();
        settings["Qoder:SessionStore:Redis:ConnectionString"] = "127.0.0.1:1";
        var builder = Builder(settings);
        builder.AddQoderAgent().AddRedisSessionStore(o => o.Prefix = ":");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Qoder:SessionStore:Redis:Prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_connection_needs_no_connection_string_and_stays_open_after_the_host()
    {
        var prefix = RedisFixture.UniquePrefix();
        var builder = Builder(NoWarmProcesses());
        builder.Services.AddSingleton<IConnectionMultiplexer>(_redis.Connection);
        builder.AddQoderAgent().AddRedisSessionStore(sp => sp.GetRequiredService<IConnectionMultiplexer>(), o => o.Prefix = prefix);
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var store = host.Services.GetRequiredKeyedService<IQoderSessionStore>(string.Empty);
            await store.AppendAsync(new QoderSessionKey("-p", "s"), [Entries.Numbered(1)]);
            await host.StopAsync();
        }

        Assert.True(_redis.Connection.IsConnected);
        Assert.Single(_redis.KeysUnder(prefix), k => k.EndsWith(":main", StringComparison.Ordinal));
    }

    [Fact]
    public void Registering_twice_leaves_one_store_for_the_agent()
    {
        var builder = Builder(NoWarmProcesses());
        var agent = builder.AddQoderAgent();
        agent.AddRedisSessionStore(o => o.ConnectionString = "127.0.0.1:1");
        agent.AddRedisSessionStore(o => o.ConnectionString = "127.0.0.1:2");

        Assert.Single(builder.Services, d => d.ServiceType == typeof(IQoderSessionStore) && Equals(d.ServiceKey, string.Empty));
    }
}
