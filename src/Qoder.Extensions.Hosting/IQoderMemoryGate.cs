using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Decides whether the CLI's background memory agent runs after a turn (<c>memory_should_generate</c>). Registered with
/// <c>AddMemoryGate&lt;TGate&gt;()</c> as a scoped service and resolved from the DI scope of the session that asks.
/// </summary>
public interface IQoderMemoryGate
{
    /// <summary>Decides for one completed turn, within the turn-complete timeout (the CLI's 10 seconds unless configured).</summary>
    /// <param name="input">The session, turn number, working directory, prompt and response.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the request or the session ends.</param>
    /// <returns>Run or skip, with an optional reason.</returns>
    ValueTask<QoderTurnCompleteGateResult> ShouldGenerateAsync(QoderTurnCompleteGateInput input, CancellationToken cancellationToken);
}
