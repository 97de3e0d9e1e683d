using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/status</c>: the permission mode changed, or compaction started or ended.</summary>
public sealed record SystemStatusMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>status</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "status";

    /// <summary>Gets the status (<c>compacting</c>) or <see langword="null"/>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the permission mode in its wire spelling, when it changed.</summary>
    [JsonPropertyName("permissionMode")]
    public string? PermissionMode { get; init; }
}
