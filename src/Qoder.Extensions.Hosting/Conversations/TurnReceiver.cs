using System.Runtime.CompilerServices;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>Sends one conversation turn and reads it back: up to its result, or to the CLI's word that the uuid was already run.</summary>
internal static class TurnReceiver
{
    /// <summary>
    /// The turn's messages. A <c>command_lifecycle</c> <c>completed</c> for the prompt's uuid before any result means the
    /// CLI had the message already and ran nothing: <see cref="QoderDuplicateMessageException"/>.
    /// </summary>
    public static async IAsyncEnumerable<QoderMessage> ReceiveAsync(
        QoderSession session,
        string conversationId,
        string uuid,
        AttemptAcceptance acceptance,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in session.ReceiveResponseAsync(cancellationToken).ConfigureAwait(false))
        {
            if (message is CommandLifecycleMessage { State: "completed" } lifecycle && lifecycle.CommandUuid == uuid)
            {
                throw new QoderDuplicateMessageException(conversationId, uuid);
            }

            if (message.AcceptsPrompt(uuid))
            {
                acceptance.Accepted();
            }

            yield return message;
        }
    }

    /// <summary>The run result of a whole turn: the main agent's text and every message but token deltas.</summary>
    public static async Task<QoderRunResult?> CollectAsync(IAsyncEnumerable<QoderMessage> messages)
    {
        var builder = new RunResultBuilder();
        await foreach (var message in messages.ConfigureAwait(false))
        {
            if (builder.Add(message) is { } result)
            {
                return result;
            }
        }

        return null;
    }
}
