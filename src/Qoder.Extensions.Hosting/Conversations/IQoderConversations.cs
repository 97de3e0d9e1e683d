using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Conversations of one agent that outlive a request and a process. A conversation is pinned to a pooled process while it
/// is used, evicted when idle or when the pool needs the slot, and resumed on a new process (<c>--resume</c>) from the
/// local transcript or the agent's session store when its next turn comes. Its id is the CLI's session id. Resolve it
/// like <see cref="IQoderAgent"/>: the default agent's directly, a named agent's with <c>[FromKeyedServices(name)]</c>.
/// </summary>
public interface IQoderConversations
{
    /// <summary>Gets the agent name (empty for the default agent).</summary>
    string Name { get; }

    /// <summary>Starts a conversation on a pre-warmed process (no cold start) and pins it there.</summary>
    /// <param name="cancellationToken">Cancels the wait for a process.</param>
    /// <returns>The conversation id: the CLI's session id.</returns>
    /// <exception cref="QoderPoolExhaustedException">No process became available within <c>Qoder:Pool:AcquireTimeout</c>.</exception>
    Task<string> StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs one turn of a conversation to its result, resuming the conversation on a new process when it is not pinned here.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">What the turn sets (its message uuid).</param>
    /// <param name="cancellationToken">Interrupts the turn; the conversation is resumed on a new process at its next turn.</param>
    /// <returns>The text, result message and usage.</returns>
    /// <exception cref="QoderConversationNotFoundException">The conversation cannot be found here, on disk or in the store.</exception>
    /// <exception cref="QoderConversationBusyException">Another turn runs and the concurrency policy refused this one.</exception>
    /// <exception cref="QoderDuplicateMessageException">The message uuid was already delivered to the conversation.</exception>
    Task<QoderRunResult> RunAsync(string conversationId, string prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one turn of a conversation and streams its messages up to and including the result. Only the start is retried.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">What the turn sets (its message uuid).</param>
    /// <param name="cancellationToken">Interrupts the turn.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="QoderConversationNotFoundException">The conversation cannot be found here, on disk or in the store.</exception>
    /// <exception cref="QoderConversationBusyException">Another turn runs and the concurrency policy refused this one.</exception>
    IAsyncEnumerable<QoderMessage> StreamAsync(string conversationId, string prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one turn of a conversation to its result with a structured prompt (text and image blocks, priority, custom context, attachments).</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="prompt">The prompt. Its uuid is the turn's message uuid unless <paramref name="options"/> sets one; the object is not changed.</param>
    /// <param name="options">What the turn sets (its message uuid).</param>
    /// <param name="cancellationToken">Interrupts the turn; the conversation is resumed on a new process at its next turn.</param>
    /// <returns>The text, result message and usage.</returns>
    /// <exception cref="QoderConversationNotFoundException">The conversation cannot be found here, on disk or in the store.</exception>
    /// <exception cref="QoderConversationBusyException">Another turn runs and the concurrency policy refused this one.</exception>
    /// <exception cref="QoderDuplicateMessageException">The message uuid was already delivered to the conversation.</exception>
    Task<QoderRunResult> RunAsync(string conversationId, QoderUserInput prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one turn of a conversation with a structured prompt and streams its messages up to and including the result. Only the start is retried.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="prompt">The prompt. Its uuid is the turn's message uuid unless <paramref name="options"/> sets one; the object is not changed.</param>
    /// <param name="options">What the turn sets (its message uuid).</param>
    /// <param name="cancellationToken">Interrupts the turn.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="QoderConversationNotFoundException">The conversation cannot be found here, on disk or in the store.</exception>
    /// <exception cref="QoderConversationBusyException">Another turn runs and the concurrency policy refused this one.</exception>
    IAsyncEnumerable<QoderMessage> StreamAsync(string conversationId, QoderUserInput prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Closes a conversation here: after its running turn, its process exits (completing the transcript) and is retired. The transcript and store entries are kept, so a later turn resumes it.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="cancellationToken">Cancels the wait for a running turn.</param>
    /// <returns>A task that completes when the conversation no longer holds a process.</returns>
    Task CloseAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a conversation: closes it, then removes its local transcript and what the session store holds for it.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="cancellationToken">Cancels the wait for a running turn and the store's removal.</param>
    /// <returns>A task that completes when the conversation is gone.</returns>
    /// <exception cref="QoderConversationNotFoundException">Nothing was known of the conversation.</exception>
    Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default);
}
