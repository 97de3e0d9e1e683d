using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>Writes the synthetic user message that carries a tool's result.</summary>
internal sealed class ToolResultWriter(SessionState state, SessionOutput output)
{
    public Task WriteAsync(string id, JsonNode content, bool isError, JsonNode? toolUseResult, JsonArray? meta)
    {
        var block = new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = content };
        if (isError)
        {
            block["is_error"] = true;
        }

        var message = new JsonObject
        {
            ["type"] = "user",
            ["message"] = new JsonObject { ["role"] = "user", ["content"] = new JsonArray(block) },
            ["parent_tool_use_id"] = null,
            ["session_id"] = state.SessionId,
            ["uuid"] = Wire.NewId(),
            ["timestamp"] = Wire.Timestamp(),
            ["isSynthetic"] = false,
        };
        if (toolUseResult is not null)
        {
            message["tool_use_result"] = toolUseResult;
        }

        if (meta is not null)
        {
            message["tool_result_meta"] = meta;
        }

        return output.WriteAsync(message);
    }

    /// <summary>A tool that did not run: <paramref name="kind"/> is the <c>non_execution_kind</c> of its result meta.</summary>
    public Task WriteNotExecutedAsync(string id, string text, string kind) =>
        WriteAsync(id, text, true, null, new JsonArray(new JsonObject { ["id"] = id, ["non_execution_kind"] = kind }));
}
