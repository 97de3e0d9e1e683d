using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>How full the context window is.</summary>
public sealed record QoderContextWindowUsage
{
    /// <summary>Gets the occupancy from 0 to 100.</summary>
    [JsonPropertyName("usedPercentage")]
    public double UsedPercentage { get; init; }
}
