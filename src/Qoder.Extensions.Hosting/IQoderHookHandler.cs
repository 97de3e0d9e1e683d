using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Handles a hook event (docs/protocol.md, Hooks). Registered with <c>AddHook&lt;THandler&gt;(event, matcher)</c> as a scoped
/// service and resolved from the DI scope of the run or session the event belongs to.
/// </summary>
public interface IQoderHookHandler
{
    /// <summary>Handles one hook call.</summary>
    /// <param name="input">What happened; a derived type such as <see cref="QoderPreToolUseHookInput"/> for the typed events.</param>
    /// <param name="cancellationToken">Cancelled when the CLI withdraws the call or the session ends.</param>
    /// <returns>The output, or <see langword="null"/> to let the agent continue unchanged.</returns>
    ValueTask<QoderHookOutput?> HandleAsync(QoderHookInput input, CancellationToken cancellationToken);
}
