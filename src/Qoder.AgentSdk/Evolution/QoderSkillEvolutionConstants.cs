namespace Qoder.AgentSdk.Evolution;

/// <summary>Limits of skill evolution shared with the CLI.</summary>
public static class QoderSkillEvolutionConstants
{
    /// <summary>The largest <see cref="QoderSkillEvolutionTurnCompleteOptions.ReviewThreshold"/> (the smallest is 1; the CLI's default is 5).</summary>
    public const int MaxReviewThreshold = 10;

    /// <summary>The largest <see cref="QoderSkillEvolutionOptions.MaxSuggestions"/> (the smallest is 1).</summary>
    public const int MaxSuggestions = 10;
}
