using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting;
using Qoder.Extensions.Hosting.Callbacks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Host callbacks from DI for the requests the CLI sends besides tool permissions and hooks: the model policy (pull mode),
/// MCP elicitations and auth tokens.
/// </summary>
public static class QoderAgentBuilderPolicyExtensions
{
    /// <summary>
    /// Chooses the model of every model call with <typeparamref name="TResolver"/>, resolved from the session's scope: the
    /// CLI is started in pull mode (<c>modelPolicyProvider: true</c>) and asks before each call. Replaces
    /// <see cref="QoderAgentOptions.ResolveModel"/>.
    /// </summary>
    /// <typeparam name="TResolver">The resolver, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddModelResolver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TResolver>(this IQoderAgentBuilder builder)
        where TResolver : class, IQoderModelResolver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<TResolver>();
        QoderAgentCallbacks.For(builder).ModelResolver = typeof(TResolver);
        return builder;
    }

    /// <summary>
    /// Answers MCP elicitations with <typeparamref name="THandler"/>, resolved from the session's scope. Replaces
    /// <see cref="QoderAgentOptions.OnElicitation"/>; without either, elicitations are answered <c>cancel</c>.
    /// </summary>
    /// <typeparam name="THandler">The handler, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddElicitationHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IQoderAgentBuilder builder)
        where THandler : class, IQoderElicitationHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<THandler>();
        QoderAgentCallbacks.For(builder).ElicitationHandler = typeof(THandler);
        return builder;
    }

    /// <summary>
    /// Hands the CLI its tokens with <typeparamref name="TProvider"/> (a singleton): with <c>Qoder:Auth</c>
    /// <c>ServiceAccount</c> the CLI gets a <c>serviceAccountTokenProvider: host</c> payload instead of the key and asks
    /// with <c>fetch_service_account_token</c>; with <c>JobToken</c>, which needs a provider, it asks with
    /// <c>fetch_job_token</c>.
    /// </summary>
    /// <typeparam name="TProvider">The provider, registered as a singleton unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddTokenProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IQoderAgentBuilder builder)
        where TProvider : class, IQoderTokenProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TProvider>();
        QoderAgentCallbacks.For(builder).TokenProvider = typeof(TProvider);
        return builder;
    }

    /// <summary>
    /// Decides turn-complete memory generation with <typeparamref name="TGate"/>, resolved from the session's scope
    /// (<c>memory_should_generate</c>). Replaces <see cref="Qoder.AgentSdk.Memory.QoderMemoryTurnCompleteOptions.ShouldGenerate"/>;
    /// without <c>Qoder:Agent:Memory</c> the agent runs with custom memory that only adds the gate, and a native-mode
    /// configuration is refused when a process starts (a gate needs custom mode).
    /// </summary>
    /// <typeparam name="TGate">The gate, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddMemoryGate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGate>(this IQoderAgentBuilder builder)
        where TGate : class, IQoderMemoryGate
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<TGate>();
        QoderAgentCallbacks.For(builder).MemoryGate = typeof(TGate);
        return builder;
    }

    /// <summary>
    /// Decides turn-complete skill reviews with <typeparamref name="TGate"/>, resolved from the session's scope
    /// (<c>skill_evolution_should_review</c>). Replaces
    /// <see cref="Qoder.AgentSdk.Evolution.QoderSkillEvolutionTurnCompleteOptions.ShouldReview"/>; without
    /// <c>Qoder:Agent:SkillEvolution</c> the agent runs with custom skill evolution that only adds the gate, and a
    /// native-mode configuration is refused when a process starts.
    /// </summary>
    /// <typeparam name="TGate">The gate, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddSkillEvolutionGate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGate>(this IQoderAgentBuilder builder)
        where TGate : class, IQoderSkillEvolutionGate
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<TGate>();
        QoderAgentCallbacks.For(builder).SkillEvolutionGate = typeof(TGate);
        return builder;
    }

    /// <summary>
    /// Answers <c>resolve_session_artifacts</c> with <typeparamref name="TResolver"/>, resolved from the session's scope.
    /// Replaces <see cref="QoderAgentOptions.ResolveSessionArtifacts"/>.
    /// </summary>
    /// <typeparam name="TResolver">The resolver, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddSessionArtifactsResolver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TResolver>(this IQoderAgentBuilder builder)
        where TResolver : class, IQoderSessionArtifactsResolver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<TResolver>();
        QoderAgentCallbacks.For(builder).ArtifactsResolver = typeof(TResolver);
        return builder;
    }
}
