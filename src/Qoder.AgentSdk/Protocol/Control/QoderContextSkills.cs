using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The skills' share of the context.</summary>
public sealed record QoderContextSkills
{
    /// <summary>Gets the number of skills.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }

    /// <summary>Gets their share of the context, 0 to 100.</summary>
    [JsonPropertyName("percentageOfContext")]
    public double PercentageOfContext { get; init; }

    /// <summary>Gets each skill.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<QoderContextSkill> Items { get; init; } = [];
}
