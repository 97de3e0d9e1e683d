using Qoder.AgentSdk.Memory;

namespace Qoder.AgentSdk.Evolution;

/// <summary>The skill review the CLI starts after turns complete.</summary>
public sealed class QoderSkillEvolutionTurnCompleteOptions
{
    /// <summary>Gets or sets a value indicating whether turn-complete reviews run; <see langword="null"/> means yes (custom mode only).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Gets or sets how many completed turns lead to a review, from 1 to <see cref="QoderSkillEvolutionConstants.MaxReviewThreshold"/>;
    /// <see langword="null"/> keeps the CLI's 5.
    /// </summary>
    public int? ReviewThreshold { get; set; }

    /// <summary>Gets or sets the host's gate, asked (<c>skill_evolution_should_review</c>) before a review starts (custom mode only).</summary>
    public Func<QoderTurnCompleteGateInput, CancellationToken, ValueTask<QoderTurnCompleteGateResult>>? ShouldReview { get; set; }

    /// <summary>Gets or sets how long <see cref="ShouldReview"/> may take; <see langword="null"/> keeps the CLI's limit (custom mode only).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets what a failed or late gate produces; <see langword="null"/> keeps <see cref="QoderGateErrorBehavior.Skip"/> (custom mode only).</summary>
    public QoderGateErrorBehavior? OnGateError { get; set; }

    internal QoderSkillEvolutionTurnCompleteOptions Clone() =>
        new() { Enabled = Enabled, ReviewThreshold = ReviewThreshold, ShouldReview = ShouldReview, Timeout = Timeout, OnGateError = OnGateError };
}
