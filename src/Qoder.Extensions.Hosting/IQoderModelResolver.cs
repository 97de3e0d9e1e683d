using Qoder.AgentSdk.ModelPolicy;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Chooses the model of each model call in pull mode (<c>get_model_policy</c>). Registered with
/// <c>AddModelResolver&lt;TResolver&gt;()</c> as a scoped service and resolved from the DI scope of the session that asks.
/// </summary>
public interface IQoderModelResolver
{
    /// <summary>Chooses the model for one call; within <see cref="Qoder.AgentSdk.QoderAgentOptions.ResolveModelTimeout"/>.</summary>
    /// <param name="context">The purpose, turn, subagent, the CLI's own choice and the available models.</param>
    /// <param name="cancellationToken">Cancelled at the timeout, when the CLI withdraws the request or the session ends.</param>
    /// <returns>The policy; <see langword="null"/> keeps the CLI's choice.</returns>
    ValueTask<QoderModelPolicy?> ResolveAsync(QoderModelPolicyContext context, CancellationToken cancellationToken);
}
