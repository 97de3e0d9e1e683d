using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The state of a host message: <c>queued</c>, <c>started</c>, <c>completed</c>, <c>cancelled</c> or <c>discarded</c>.</summary>
public sealed record CommandLifecycleMessage : QoderMessage
{
    /// <summary>Gets the uuid of the host message.</summary>
    [JsonPropertyName("command_uuid")]
    public string CommandUuid { get; init; } = string.Empty;

    /// <summary>Gets the state.</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = string.Empty;
}
