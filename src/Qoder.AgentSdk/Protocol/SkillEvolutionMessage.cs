using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/skill_evolution</c>: the outcome of a skill evolution review.</summary>
public sealed record SkillEvolutionMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>skill_evolution</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "skill_evolution";

    /// <summary>Gets the outcome.</summary>
    [JsonPropertyName("result")]
    public QoderSkillEvolutionResult? Result { get; init; }
}
