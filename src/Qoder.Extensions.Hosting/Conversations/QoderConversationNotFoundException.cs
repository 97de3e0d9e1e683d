using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// The conversation is neither held by this host nor resumable: no local transcript and nothing in the agent's session
/// store. It was deleted, never existed, or was written on another machine without a shared store.
/// </summary>
public sealed class QoderConversationNotFoundException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderConversationNotFoundException"/> class.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="agentName">The agent name (<c>default</c> for the unnamed agent).</param>
    public QoderConversationNotFoundException(string conversationId, string agentName)
        : base($"Qoder agent {agentName} has no conversation {conversationId}: it is not open on this host, there is no local transcript and no session store holds it. Start a new conversation, or register a shared session store (UseSessionStore) so that conversations continue across machines.")
    {
        ConversationId = conversationId;
    }

    /// <summary>Gets the conversation id.</summary>
    public string ConversationId { get; }
}
