using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>The plugin a validation found.</summary>
public sealed record QoderPluginIdentity
{
    /// <summary>Gets its name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Gets its version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Gets its display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }
}
