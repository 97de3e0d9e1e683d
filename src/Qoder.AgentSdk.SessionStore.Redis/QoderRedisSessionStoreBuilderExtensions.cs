using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.SessionStore.Redis;
using Qoder.Extensions.Hosting;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Gives a hosted agent a Redis session store.</summary>
public static class QoderRedisSessionStoreBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="QoderRedisSessionStore"/> as the agent's session store: the keyed
    /// <see cref="IQoderSessionStore"/> singleton whose key is the agent name (empty for the default agent). Settings are
    /// bound from <c>Qoder:SessionStore:Redis</c> (then <c>Qoder:Agents:&lt;name&gt;:SessionStore:Redis</c>) and validated
    /// at start-up; the store connects on first use with <see cref="QoderRedisSessionStoreOptions.ConnectionString"/>.
    /// </summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="configure">Changes the settings after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddRedisSessionStore(this IQoderAgentBuilder builder, Action<QoderRedisSessionStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Register(builder, configure, connection: null);
    }

    /// <summary>
    /// Registers a <see cref="QoderRedisSessionStore"/> over an existing connection (for example one shared with a cache)
    /// as the agent's session store, the keyed <see cref="IQoderSessionStore"/> singleton whose key is the agent name. The
    /// connection string setting is ignored and the connection is not disposed by the store.
    /// </summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="connection">Resolves the connection.</param>
    /// <param name="configure">Changes the settings (prefix, database) after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddRedisSessionStore(
        this IQoderAgentBuilder builder,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        Action<QoderRedisSessionStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return Register(builder, configure, connection);
    }

    private static IQoderAgentBuilder Register(
        IQoderAgentBuilder builder,
        Action<QoderRedisSessionStoreOptions>? configure,
        Func<IServiceProvider, IConnectionMultiplexer>? connection)
    {
        var services = builder.Services;
        var name = builder.Name;
        RegistrationsOf(services).Set(name, connection is not null);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<QoderRedisSessionStoreOptions>, RedisSessionStoreOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QoderRedisSessionStoreOptions>, RedisSessionStoreOptionsValidator>());
        var options = services.AddOptions<QoderRedisSessionStoreOptions>(name).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Exactly one store per agent: a second call replaces the first instead of leaving two candidates for the key.
        services.RemoveAllKeyed<IQoderSessionStore>(name);
        services.AddKeyedSingleton<IQoderSessionStore>(name, (sp, _) =>
        {
            var settings = sp.GetRequiredService<IOptionsMonitor<QoderRedisSessionStoreOptions>>().Get(name);
            var time = sp.GetRequiredService<TimeProvider>();
            return connection is null
                ? new QoderRedisSessionStore(settings, time)
                : new QoderRedisSessionStore(connection(sp), settings, time);
        });
        return builder;
    }

    private static RedisSessionStoreRegistrations RegistrationsOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(RedisSessionStoreRegistrations) && !d.IsKeyedService)?.ImplementationInstance
            is RedisSessionStoreRegistrations existing)
        {
            return existing;
        }

        var registrations = new RedisSessionStoreRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }
}
