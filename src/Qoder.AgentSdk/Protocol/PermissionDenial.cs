using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A tool call that was denied during a turn.</summary>
public sealed record PermissionDenial
{
    /// <summary>Gets the tool.</summary>
    [JsonPropertyName("tool_name")]
    public string ToolName { get; init; } = string.Empty;

    /// <summary>Gets the tool call id.</summary>
    [JsonPropertyName("tool_use_id")]
    public string? ToolUseId { get; init; }

    /// <summary>Gets the input the tool would have run with.</summary>
    [JsonPropertyName("tool_input")]
    public JsonElement? ToolInput { get; init; }

    /// <summary>Gets the denial message, if any.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the fields this client has no property for (decision_reason, tool_denial_kind, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
