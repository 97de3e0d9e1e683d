namespace Qoder.AgentSdk.Evolution;

/// <summary>How <see cref="QoderSkillEvolutionOptions"/> configures the CLI's skill evolution.</summary>
public enum QoderSkillEvolutionMode
{
    /// <summary>The CLI's own review; only <see cref="QoderSkillEvolutionOptions.Enabled"/>, the review threshold and the result callback apply.</summary>
    Native,

    /// <summary>The given overrides apply; what is left out keeps the CLI's behaviour.</summary>
    Custom,
}
