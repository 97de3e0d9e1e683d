using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One category of the context (<c>system_prompt</c>, <c>system_tools</c>, <c>skills</c>, <c>messages</c>, <c>other</c>, <c>free_space</c>, <c>auto_compact</c>).</summary>
public sealed record QoderContextCategory
{
    /// <summary>Gets the category.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>Gets its share of the context, 0 to 100.</summary>
    [JsonPropertyName("percentage")]
    public double Percentage { get; init; }
}
