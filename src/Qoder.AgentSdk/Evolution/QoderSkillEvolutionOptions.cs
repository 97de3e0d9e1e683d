using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Evolution;

/// <summary>
/// The CLI's skill evolution (suggestions to create or update skills after turns), sent in <c>initialize.evolution.skill</c>.
/// The official SDK's <c>generation</c> object is flattened into this class.
/// </summary>
public sealed class QoderSkillEvolutionOptions
{
    /// <summary>Gets or sets the mode.</summary>
    public QoderSkillEvolutionMode Mode { get; set; }

    /// <summary>Gets or sets a value indicating whether reviews run; <see langword="false"/> sends no configuration (the result callback stays).</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets or sets the review instructions; <see langword="null"/> keeps the CLI's (custom mode only).</summary>
    public string? Prompt { get; set; }

    /// <summary>Gets or sets the most suggestions per review, from 1 to <see cref="QoderSkillEvolutionConstants.MaxSuggestions"/> (custom mode only).</summary>
    public int? MaxSuggestions { get; set; }

    /// <summary>Gets or sets the turn-complete review settings; in native mode only the review threshold.</summary>
    public QoderSkillEvolutionTurnCompleteOptions? TurnComplete { get; set; }

    /// <summary>
    /// Gets or sets a callback that receives every review outcome (<c>system/skill_evolution</c>). It runs on the client's
    /// read loop: keep it short; an exception is logged and ignored.
    /// </summary>
    public Action<QoderSkillEvolutionResult>? OnResult { get; set; }

    internal QoderSkillEvolutionOptions Clone() => new()
    {
        Mode = Mode,
        Enabled = Enabled,
        Prompt = Prompt,
        MaxSuggestions = MaxSuggestions,
        TurnComplete = TurnComplete?.Clone(),
        OnResult = OnResult,
    };
}
