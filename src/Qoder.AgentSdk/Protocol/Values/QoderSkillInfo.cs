using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A skill the session can use, as the <c>initialize</c> response lists it.</summary>
public sealed record QoderSkillInfo
{
    /// <summary>Gets the skill name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets what the skill does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets where the skill comes from, such as <c>built-in</c>, <c>user</c> or <c>project</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
