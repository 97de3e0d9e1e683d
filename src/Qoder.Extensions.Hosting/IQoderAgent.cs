using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>Runs prompts on pooled <c>qodercli</c> processes through the agent's resilience pipeline; one conversation per run.</summary>
public interface IQoderAgent
{
    /// <summary>Gets the agent name (empty for the default agent).</summary>
    string Name { get; }

    /// <summary>Runs a prompt to its result.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">What the run changes from the agent's options.</param>
    /// <param name="cancellationToken">Interrupts the turn (then kills the process if it does not stop); surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The text, result message, usage and session id.</returns>
    Task<QoderRunResult> RunAsync(string prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a prompt and streams its messages up to and including the result. Only the start (up to the first message) is retried; nothing yielded is ever replayed.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">What the run changes from the agent's options.</param>
    /// <param name="cancellationToken">Interrupts the turn.</param>
    /// <returns>The messages.</returns>
    IAsyncEnumerable<QoderMessage> StreamAsync(string prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a structured message (text and images, uuid, priority, custom context, attachments) to its result.</summary>
    /// <param name="prompt">The message.</param>
    /// <param name="options">What the run changes from the agent's options.</param>
    /// <param name="cancellationToken">Interrupts the turn (then kills the process if it does not stop); surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The text, result message, usage and session id.</returns>
    Task<QoderRunResult> RunAsync(QoderUserInput prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a structured message and streams its messages up to and including the result, as the string overload does.</summary>
    /// <param name="prompt">The message.</param>
    /// <param name="options">What the run changes from the agent's options.</param>
    /// <param name="cancellationToken">Interrupts the turn.</param>
    /// <returns>The messages.</returns>
    IAsyncEnumerable<QoderMessage> StreamAsync(QoderUserInput prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default);
}
