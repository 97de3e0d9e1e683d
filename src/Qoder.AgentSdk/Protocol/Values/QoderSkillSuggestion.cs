using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A skill the skill evolution review suggests creating or updating.</summary>
public sealed record QoderSkillSuggestion
{
    /// <summary>Gets the skill name.</summary>
    [JsonPropertyName("skillName")]
    public string SkillName { get; init; } = string.Empty;

    /// <summary>Gets the action: <c>create</c> or <c>update</c>.</summary>
    [JsonPropertyName("action")]
    public string Action { get; init; } = string.Empty;

    /// <summary>Gets the summary.</summary>
    [JsonPropertyName("summary")]
    public string Summary { get; init; } = string.Empty;

    /// <summary>Gets the confidence.</summary>
    [JsonPropertyName("confidence")]
    public double Confidence { get; init; }

    /// <summary>Gets the rationale.</summary>
    [JsonPropertyName("rationale")]
    public string? Rationale { get; init; }
}
