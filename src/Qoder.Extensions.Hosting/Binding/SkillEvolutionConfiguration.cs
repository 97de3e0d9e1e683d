using Qoder.AgentSdk.Evolution;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderSkillEvolutionOptions"/> (<c>Qoder:Agent:SkillEvolution</c>); the gate and result callbacks are code-only.</summary>
internal sealed class SkillEvolutionConfiguration
{
    public QoderSkillEvolutionMode? Mode { get; set; }

    public bool? Enabled { get; set; }

    public string? Prompt { get; set; }

    public int? MaxSuggestions { get; set; }

    public SkillEvolutionTurnCompleteConfiguration? TurnComplete { get; set; }

    public QoderSkillEvolutionOptions ApplyTo(QoderSkillEvolutionOptions? evolution)
    {
        evolution ??= new QoderSkillEvolutionOptions();
        evolution.Mode = Mode ?? evolution.Mode;
        evolution.Enabled = Enabled ?? evolution.Enabled;
        evolution.Prompt = Prompt ?? evolution.Prompt;
        evolution.MaxSuggestions = MaxSuggestions ?? evolution.MaxSuggestions;
        evolution.TurnComplete = TurnComplete is null ? evolution.TurnComplete : TurnComplete.ApplyTo(evolution.TurnComplete);
        return evolution;
    }
}
