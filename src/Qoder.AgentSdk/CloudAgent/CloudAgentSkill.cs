using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>A custom skill loaded into a Cloud session.</summary>
public sealed record CloudAgentSkill
{
    /// <summary>Gets the skill type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "custom";

    /// <summary>Gets the tagged skill id.</summary>
    [JsonPropertyName("skill_id")]
    public required string SkillId { get; init; }
}
