using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One thinking setting of a model (thinking on or off) and its effort levels.</summary>
public sealed record QoderModelThinkingOption
{
    /// <summary>Gets the description of the setting.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the effort levels, keyed by level name (thinking on only).</summary>
    [JsonPropertyName("efforts")]
    public IReadOnlyDictionary<string, QoderModelEffort>? Efforts { get; init; }

    /// <summary>Gets a value indicating whether this setting is the default.</summary>
    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; init; }
}
