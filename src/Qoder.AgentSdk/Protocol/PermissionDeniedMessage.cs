using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/permission_denied</c>: a tool call was denied.</summary>
public sealed record PermissionDeniedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>permission_denied</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "permission_denied";

    /// <summary>Gets the tool.</summary>
    [JsonPropertyName("tool_name")]
    public string ToolName { get; init; } = string.Empty;

    /// <summary>Gets the tool call id.</summary>
    [JsonPropertyName("tool_use_id")]
    public string? ToolUseId { get; init; }

    /// <summary>Gets the denial message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the subagent whose call was denied, if any.</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Gets the kind of reason, such as <c>rule</c> or <c>permissionPromptTool</c>.</summary>
    [JsonPropertyName("decision_reason_type")]
    public string? DecisionReasonType { get; init; }

    /// <summary>Gets the reason.</summary>
    [JsonPropertyName("decision_reason")]
    public string? DecisionReason { get; init; }

    /// <summary>Gets how the call was denied (sent by the CLI, missing from the official SDK types).</summary>
    [JsonPropertyName("tool_denial_kind")]
    public string? ToolDenialKind { get; init; }
}
