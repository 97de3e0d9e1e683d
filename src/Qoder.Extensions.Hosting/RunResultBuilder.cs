using System.Text;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>Folds a turn's messages into its <see cref="QoderRunResult"/>: the main agent's text and every message but token deltas.</summary>
internal sealed class RunResultBuilder
{
    private readonly List<QoderMessage> _messages = [];
    private readonly StringBuilder _text = new();

    /// <summary>Takes the next message of the turn.</summary>
    /// <returns>The result once <paramref name="message"/> ends the turn; otherwise <see langword="null"/>.</returns>
    public QoderRunResult? Add(QoderMessage message)
    {
        // Token deltas only matter while streaming; the complete messages they add up to follow them.
        if (message is not StreamEventMessage)
        {
            _messages.Add(message);
        }

        if (message is AssistantMessage { ParentToolUseId: null } assistant)
        {
            foreach (var block in assistant.Message.Content)
            {
                if (block is TextBlock textBlock)
                {
                    _text.Append(textBlock.Text);
                }
            }
        }

        return message.EndsTurn() && message is ResultMessage result
            ? new QoderRunResult(_text.Length > 0 ? _text.ToString() : result.Result ?? string.Empty, result, _messages)
            : null;
    }
}
