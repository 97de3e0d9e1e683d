using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>A turn of the conversation is already running (and the concurrency policy did not let this one wait). Not retried.</summary>
public sealed class QoderConversationBusyException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderConversationBusyException"/> class.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="section">The agent's configuration section, such as <c>Qoder</c>.</param>
    /// <param name="policy">The concurrency policy in force.</param>
    public QoderConversationBusyException(string conversationId, string section, QoderConversationConcurrency policy)
        : base($"Conversation {conversationId} is running a turn and {section}:Conversations:Concurrency is {policy}: " + policy switch
        {
            QoderConversationConcurrency.Reject => "a second turn is rejected. Send one turn at a time, or set it to Wait or Queue.",
            QoderConversationConcurrency.Queue => $"the queue is full. Raise {section}:Conversations:MaxQueuedTurns or send fewer turns at once.",
            _ => $"the running turn did not end within {section}:Conversations:TurnWaitTimeout.",
        })
    {
        ConversationId = conversationId;
        Policy = policy;
    }

    /// <summary>Gets the conversation id.</summary>
    public string ConversationId { get; }

    /// <summary>Gets the concurrency policy that refused the turn.</summary>
    public QoderConversationConcurrency Policy { get; }
}
