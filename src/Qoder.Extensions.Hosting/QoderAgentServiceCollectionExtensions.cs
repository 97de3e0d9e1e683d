using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Sessions;
using Qoder.Extensions.Hosting;
using Qoder.Extensions.Hosting.Conversations;
using Qoder.Extensions.Hosting.Diagnostics;
using Qoder.Extensions.Hosting.Pooling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers hosted Qoder agents: options, the process pool, <see cref="IQoderAgent"/>, <see cref="IQoderConversations"/> and their pipeline.</summary>
public static class QoderAgentServiceCollectionExtensions
{
    /// <summary>Adds the default agent: <see cref="IQoderAgent"/> and <see cref="IQoderSessionFactory"/>, configured from the <c>Qoder</c> section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the client options after binding.</param>
    /// <returns>A builder for the agent.</returns>
    public static IQoderAgentBuilder AddQoderAgent(this IServiceCollection services, Action<QoderAgentOptions>? configure = null) =>
        AddQoderAgentCore(services, Options.Options.DefaultName, configure);

    /// <summary>Adds a named agent, resolved with <c>[FromKeyedServices(name)]</c>, configured from <c>Qoder</c> then <c>Qoder:Agents:&lt;name&gt;</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The agent name and service key.</param>
    /// <param name="configure">Configures the client options after binding.</param>
    /// <returns>A builder for the agent.</returns>
    public static IQoderAgentBuilder AddQoderAgent(this IServiceCollection services, string name, Action<QoderAgentOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AddQoderAgentCore(services, name, configure);
    }

    /// <summary>Adds the default agent to an application builder.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="configure">Configures the client options after binding.</param>
    /// <returns>A builder for the agent.</returns>
    public static IQoderAgentBuilder AddQoderAgent(this IHostApplicationBuilder builder, Action<QoderAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddQoderAgent(configure);
    }

    /// <summary>Adds a named agent to an application builder.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The agent name and service key.</param>
    /// <param name="configure">Configures the client options after binding.</param>
    /// <returns>A builder for the agent.</returns>
    public static IQoderAgentBuilder AddQoderAgent(this IHostApplicationBuilder builder, string name, Action<QoderAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddQoderAgent(name, configure);
    }

    /// <summary>Configures the agent's pool (after configuration binding).</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="configure">Changes the pool options.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder ConfigurePool(this IQoderAgentBuilder builder, Action<QoderPoolOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<QoderHostingOptions>(builder.Name, o => configure(o.Pool));
        return builder;
    }

    /// <summary>Configures any hosted option of the agent (after configuration binding).</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder Configure(this IQoderAgentBuilder builder, Action<QoderHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }

    /// <summary>Configures the default pipeline's settings (total timeout, retry, circuit breaker, attempt timeout).</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="configure">Changes the resilience options; <see langword="null"/> keeps the configured ones.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddResilience(this IQoderAgentBuilder builder, Action<QoderResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure<QoderHostingOptions>(builder.Name, o => configure(o.Resilience));
        }

        return builder;
    }

    /// <summary>Replaces the agent's pipeline. Use <see cref="QoderResilience.IsTransient"/> in retry predicates so that nothing with side effects is retried.</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="configure">Builds the pipeline.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder ConfigureResilience(this IQoderAgentBuilder builder, Action<ResiliencePipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        ((QoderAgentBuilder)builder).Registration.CustomPipeline = configure;
        return builder;
    }

    /// <summary>Adds a health check (<c>qoder</c>, or <c>qoder-&lt;name&gt;</c>) reporting the pool and the CLI version.</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="failureStatus">The status reported when restarts are exhausted.</param>
    /// <param name="tags">Tags for filtering; <c>qoder</c> by default.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddHealthCheck(this IQoderAgentBuilder builder, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            string.IsNullOrEmpty(name) ? "qoder" : "qoder-" + name,
            sp => new QoderHealthCheck(sp.GetRequiredKeyedService<QoderProcessPool>(name)),
            failureStatus,
            tags ?? ["qoder"]));
        return builder;
    }

    private static QoderAgentBuilder AddQoderAgentCore(IServiceCollection services, string name, Action<QoderAgentOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registration = services
            .Where(d => d.ServiceType == typeof(QoderAgentRegistration) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance as QoderAgentRegistration)
            .FirstOrDefault(r => r?.Name == name);
        if (registration is null)
        {
            registration = new QoderAgentRegistration(name);
            RegisterAgent(services, registration);
        }

        if (configure is not null)
        {
            services.Configure<QoderHostingOptions>(name, o => configure(o.Agent));
        }

        return new QoderAgentBuilder(name, services, registration);
    }

    private static void RegisterAgent(IServiceCollection services, QoderAgentRegistration registration)
    {
        var name = registration.Name;
        services.AddSingleton(registration);
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new QoderMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<IQoderClientFactory, QoderClientFactory>();
        services.TryAddSingleton<QoderHostStartup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<QoderHostingOptions>, QoderHostingOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QoderHostingOptions>, QoderHostingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QoderPoolLifecycleService>());
        services.AddOptions<QoderHostingOptions>(name).ValidateOnStart();

        // Without a change-token source a configuration reload would never reach the pool (which recycles idle processes on it).
        services.AddSingleton<IOptionsChangeTokenSource<QoderHostingOptions>>(sp =>
            new ConfigurationChangeTokenSource<QoderHostingOptions>(name, sp.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build()));

        services.AddKeyedSingleton(name, (sp, _) => new QoderProcessPool(
            name,
            sp.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>(),
            sp.GetRequiredService<IQoderClientFactory>(),
            Qoder.Extensions.Hosting.Callbacks.QoderAgentCallbacks.BinderFor(sp, name),
            sp.GetRequiredService<TimeProvider>(),
            Loggers(sp),
            sp.GetRequiredService<QoderMetrics>()));
        services.AddResiliencePipeline(QoderResilience.PipelineKey(name), (pipeline, context) =>
        {
            if (registration.CustomPipeline is { } custom)
            {
                custom(pipeline);
                return;
            }

            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(name).Resilience;
            var logger = Loggers(context.ServiceProvider).CreateLogger("Qoder.Extensions.Hosting.Agent");
            pipeline.AddQoderDefaults(options, logger, registration.DisplayName);
        });

        Func<IServiceProvider, QoderAgent> agent = sp => new QoderAgent(
            sp.GetRequiredKeyedService<QoderProcessPool>(name),
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(QoderResilience.PipelineKey(name)),
            Loggers(sp),
            sp.GetRequiredService<QoderMetrics>(),
            sp.GetRequiredService<TimeProvider>());
        // The agent's session store (a keyed service, see UseSessionStore) mirrors every process's transcript and feeds resumes.
        services.AddSingleton<IPostConfigureOptions<QoderHostingOptions>>(sp => new PostConfigureOptions<QoderHostingOptions, IServiceProvider>(
            name, sp, (o, services) => o.Agent.SessionStore ??= services.GetKeyedService<IQoderSessionStore>(name)));
        services.AddKeyedSingleton(name, (sp, _) => new QoderConversations(
            sp.GetRequiredKeyedService<QoderProcessPool>(name),
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(QoderResilience.PipelineKey(name)),
            new ConversationTranscripts(sp.GetKeyedService<IQoderSessionStore>(name)),
            sp.GetRequiredService<TimeProvider>(),
            Loggers(sp),
            sp.GetRequiredService<QoderMetrics>(),
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None));
        if (string.IsNullOrEmpty(name))
        {
            services.AddSingleton<IQoderConversations>(sp => sp.GetRequiredKeyedService<QoderConversations>(name));
            services.AddSingleton<IQoderAgent>(agent);
            services.AddSingleton<IQoderSessionFactory>(sp => sp.GetRequiredKeyedService<QoderProcessPool>(name));
        }
        else
        {
            services.AddKeyedSingleton<IQoderConversations>(name, (sp, _) => sp.GetRequiredKeyedService<QoderConversations>(name));
            services.AddKeyedSingleton<IQoderAgent>(name, (sp, _) => agent(sp));
            services.AddKeyedSingleton<IQoderSessionFactory>(name, (sp, _) => sp.GetRequiredKeyedService<QoderProcessPool>(name));
        }
    }

    private static ILoggerFactory Loggers(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
