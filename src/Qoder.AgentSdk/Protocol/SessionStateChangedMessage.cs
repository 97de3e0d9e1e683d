using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/session_state_changed</c>: the session became <c>idle</c>, <c>running</c> or <c>requires_action</c>.</summary>
public sealed record SessionStateChangedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>session_state_changed</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "session_state_changed";

    /// <summary>Gets the state.</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = string.Empty;
}
