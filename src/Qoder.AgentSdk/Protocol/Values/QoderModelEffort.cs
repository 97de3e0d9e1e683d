using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One reasoning effort level of a model.</summary>
public sealed record QoderModelEffort
{
    /// <summary>Gets the description of the level.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets a value indicating whether this is the default level.</summary>
    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; init; }
}
