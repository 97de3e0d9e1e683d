using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// The CLI already had a message with this uuid in the conversation and did not run it again: a resend after a failure
/// whose first delivery was recorded. Its answer, if it got one, is in the transcript. Not retried.
/// </summary>
public sealed class QoderDuplicateMessageException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderDuplicateMessageException"/> class.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="messageUuid">The message uuid that was sent again.</param>
    public QoderDuplicateMessageException(string conversationId, string messageUuid)
        : base($"Conversation {conversationId} already has message {messageUuid}; the CLI did not run it again. Send a new turn with a new uuid to continue.")
    {
        ConversationId = conversationId;
        MessageUuid = messageUuid;
    }

    /// <summary>Gets the conversation id.</summary>
    public string ConversationId { get; }

    /// <summary>Gets the message uuid.</summary>
    public string MessageUuid { get; }
}
