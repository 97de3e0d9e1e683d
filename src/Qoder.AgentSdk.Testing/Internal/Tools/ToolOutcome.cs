using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>What a tool run produced: the tool_result content, its <c>tool_use_result</c>, and the PostToolUse hook's <c>tool_response</c>.</summary>
internal sealed record ToolOutcome(JsonNode Content, bool IsError, JsonNode? ToolUseResult, JsonNode? ToolResponse)
{
    public static ToolOutcome Error(string text) => new(text, true, null, null);
}
