using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The lines the session changed.</summary>
public sealed record QoderLinesChanged
{
    /// <summary>Gets the lines added.</summary>
    [JsonPropertyName("added")]
    public int Added { get; init; }

    /// <summary>Gets the lines removed.</summary>
    [JsonPropertyName("removed")]
    public int Removed { get; init; }
}
