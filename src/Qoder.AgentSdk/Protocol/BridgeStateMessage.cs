using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/bridge_state</c>: the state of the remote bridge (sent by the CLI, not in the official SDK's types).</summary>
public sealed record BridgeStateMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>bridge_state</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "bridge_state";

    /// <summary>Gets the state.</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = string.Empty;

    /// <summary>Gets the detail.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
