using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Server;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>
/// The host callbacks registered for one agent through its builder: a permission handler type, hooks and in-process tools.
/// They are known before any process starts (hooks and SDK MCP servers go into <c>initialize</c>) and are bound to each
/// process's lease when it is created.
/// </summary>
internal sealed class QoderAgentCallbacks
{
    public Type? PermissionHandler { get; set; }

    public Type? ModelResolver { get; set; }

    public Type? ElicitationHandler { get; set; }

    public Type? MemoryGate { get; set; }

    public Type? SkillEvolutionGate { get; set; }

    public Type? ArtifactsResolver { get; set; }

    /// <summary>Gets or sets the token provider; it is bound to the options at configuration (see QoderHostingOptionsSetup), not per lease.</summary>
    public Type? TokenProvider { get; set; }

    public List<HookRegistration> Hooks { get; } = [];

    public List<ToolRegistration> Tools { get; } = [];

    public bool IsEmpty => PermissionHandler is null && ModelResolver is null && ElicitationHandler is null && MemoryGate is null && SkillEvolutionGate is null
        && ArtifactsResolver is null && Hooks.Count == 0 && Tools.Count == 0;

    /// <summary>Gets the agent's callbacks, registering them on first use.</summary>
    public static QoderAgentCallbacks For(IQoderAgentBuilder builder)
    {
        var existing = builder.Services.FirstOrDefault(d =>
            d.IsKeyedService && d.ServiceType == typeof(QoderAgentCallbacks) && Equals(d.ServiceKey, builder.Name));
        if (existing?.KeyedImplementationInstance is QoderAgentCallbacks callbacks)
        {
            return callbacks;
        }

        callbacks = new QoderAgentCallbacks();
        builder.Services.AddKeyedSingleton(builder.Name, callbacks);
        return callbacks;
    }

    /// <summary>Gets the binder of an agent that has callbacks, so that each of its processes gets them bound to its lease.</summary>
    public static CallbackBinder? BinderFor(IServiceProvider services, string name)
    {
        if (services.GetKeyedService<QoderAgentCallbacks>(name) is not { IsEmpty: false } callbacks)
        {
            return null;
        }

        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Qoder.Extensions.Hosting.Callbacks");
        return new CallbackBinder(callbacks, services, logger);
    }
}

/// <summary>A hook bound to the lease's services when called.</summary>
internal sealed record HookRegistration(
    QoderHookEvent Event,
    string? Matcher,
    int? TimeoutSeconds,
    Func<IServiceProvider, QoderHookInput, CancellationToken, ValueTask<QoderHookOutput?>> Callback);

/// <summary>Tools of an in-process MCP server, created once from the root services (which tell service parameters apart).</summary>
internal sealed record ToolRegistration(string Server, Func<IServiceProvider, IEnumerable<McpServerTool>> Create);
