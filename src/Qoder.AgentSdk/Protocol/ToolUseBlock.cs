using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A tool call requested by the model.</summary>
public sealed record ToolUseBlock : ContentBlock
{
    /// <summary>Gets the call id (<c>toolu_…</c>), echoed by the tool result.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the tool name, such as <c>Write</c> or <c>mcp__server__tool</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the tool arguments.</summary>
    [JsonPropertyName("input")]
    public JsonElement Input { get; init; }
}
