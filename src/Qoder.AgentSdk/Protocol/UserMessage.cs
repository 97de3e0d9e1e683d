using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A user turn on stdout: usually a tool result, or the echo of a host message (<see cref="IsReplay"/>).</summary>
public sealed record UserMessage : QoderMessage
{
    /// <summary>Gets the message.</summary>
    [JsonPropertyName("message")]
    public UserContent Message { get; init; } = new();

    /// <summary>Gets the tool call of the subagent this belongs to, or <see langword="null"/>.</summary>
    [JsonPropertyName("parent_tool_use_id")]
    public string? ParentToolUseId { get; init; }

    /// <summary>Gets when the message was made (ISO 8601), if reported.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    /// <summary>Gets the structured tool output (tool-specific), if any.</summary>
    [JsonPropertyName("tool_use_result")]
    public JsonElement? ToolUseResult { get; init; }

    /// <summary>Gets why tools did not run to completion (<c>[{id, non_execution_kind, user_feedback?}]</c>), if any.</summary>
    [JsonPropertyName("tool_result_meta")]
    public JsonElement? ToolResultMeta { get; init; }

    /// <summary>Gets a value indicating whether this echoes a message the host sent.</summary>
    [JsonPropertyName("isReplay")]
    public bool? IsReplay { get; init; }

    /// <summary>Gets a value indicating whether the CLI made the message up.</summary>
    [JsonPropertyName("isSynthetic")]
    public bool? IsSynthetic { get; init; }
}
