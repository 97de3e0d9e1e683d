using Qoder.AgentSdk.Sessions;
using Qoder.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The agent's session store: the keyed <see cref="IQoderSessionStore"/> service whose key is the agent name (the empty
/// string for the default agent). Conversations resume from it when the local transcript is missing, and delete from it.
/// Store packages register themselves the same way.
/// </summary>
public static class QoderAgentBuilderSessionStoreExtensions
{
    /// <summary>Uses <paramref name="store"/> as the agent's session store.</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="store">The store; it must be safe for concurrent use.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder UseSessionStore(this IQoderAgentBuilder builder, IQoderSessionStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        builder.Services.AddKeyedSingleton(builder.Name, store);
        return builder;
    }

    /// <summary>Uses the store <paramref name="factory"/> creates (once, from the root services) as the agent's session store.</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="factory">Creates the store.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder UseSessionStore(this IQoderAgentBuilder builder, Func<IServiceProvider, IQoderSessionStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddKeyedSingleton(builder.Name, (services, _) => factory(services));
        return builder;
    }
}
