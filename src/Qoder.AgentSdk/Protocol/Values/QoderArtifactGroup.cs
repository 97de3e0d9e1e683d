using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The group of an artifact.</summary>
public sealed record QoderArtifactGroup
{
    /// <summary>Gets the group key.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary>Gets the group name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;
}
