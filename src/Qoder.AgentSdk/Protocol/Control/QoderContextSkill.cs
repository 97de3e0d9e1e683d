using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One skill's share of the context.</summary>
public sealed record QoderContextSkill
{
    /// <summary>Gets the skill name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets where it comes from: <c>project</c>, <c>user</c>, <c>built-in</c> or <c>plugin</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = string.Empty;

    /// <summary>Gets its share of the context, 0 to 100.</summary>
    [JsonPropertyName("percentageOfContext")]
    public double PercentageOfContext { get; init; }
}
