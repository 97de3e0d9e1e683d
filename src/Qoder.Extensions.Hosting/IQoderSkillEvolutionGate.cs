using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Decides whether the CLI's skill review runs after a turn (<c>skill_evolution_should_review</c>). Registered with
/// <c>AddSkillEvolutionGate&lt;TGate&gt;()</c> as a scoped service and resolved from the DI scope of the session that asks.
/// </summary>
public interface IQoderSkillEvolutionGate
{
    /// <summary>Decides for one completed turn.</summary>
    /// <param name="input">The session, turn number, working directory, prompt and response.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the session ends.</param>
    /// <returns>Run or skip, with an optional reason.</returns>
    ValueTask<QoderTurnCompleteGateResult> ShouldReviewAsync(QoderTurnCompleteGateInput input, CancellationToken cancellationToken);
}
