using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>When the CLI compacts the context by itself.</summary>
public sealed record QoderAutoCompactSettings
{
    /// <summary>Gets a value indicating whether auto-compaction is on.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>Gets the occupancy that triggers it, 0 to 100.</summary>
    [JsonPropertyName("thresholdPercentage")]
    public double ThresholdPercentage { get; init; }
}
