using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>Writes assistant blocks, each preceded by its stream deltas when partial messages are on.</summary>
internal sealed class AssistantWriter(SessionState state, SessionOutput output)
{
    public async Task StreamDeltasAsync(string deltaType, string field, IEnumerable<string> deltas)
    {
        if (!state.PartialMessages)
        {
            return;
        }

        foreach (var delta in deltas)
        {
            await output.WriteStampedAsync(new JsonObject
            {
                ["type"] = "stream_event",
                ["event"] = new JsonObject
                {
                    ["type"] = "content_block_delta",
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = deltaType, [field] = delta },
                },
                ["parent_tool_use_id"] = null,
            }).ConfigureAwait(false);
        }
    }

    /// <summary>One assistant message with one content block; the blocks of a message share <paramref name="messageId"/>.</summary>
    public async Task BlockAsync(string messageId, string stopReason, JsonObject block)
    {
        var message = new JsonObject
        {
            ["id"] = messageId,
            ["type"] = "message",
            ["role"] = "assistant",
            ["content"] = new JsonArray(block),
            ["container"] = null,
            ["context_management"] = null,
            ["model"] = state.CallModel ?? state.Model,
            ["stop_reason"] = stopReason,
            ["stop_sequence"] = null,
            ["usage"] = Wire.Usage(),
        };

        // The CLI commits (and mirrors) an entry before it prints the message.
        await state.Transcript.AddAssistantAsync(output, message).ConfigureAwait(false);
        await output.WriteStampedAsync(new JsonObject { ["type"] = "assistant", ["message"] = message, ["parent_tool_use_id"] = null })
            .ConfigureAwait(false);
    }
}
