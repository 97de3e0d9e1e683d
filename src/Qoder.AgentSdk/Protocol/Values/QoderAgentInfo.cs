using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A subagent the session can start, as the CLI lists it.</summary>
public sealed record QoderAgentInfo
{
    /// <summary>Gets the agent name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets when to use the agent.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the model the agent runs on, when it has its own.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }
}
