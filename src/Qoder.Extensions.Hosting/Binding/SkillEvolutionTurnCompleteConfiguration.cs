using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderSkillEvolutionTurnCompleteOptions"/>; the gate itself is code-only (<c>AddSkillEvolutionGate</c>).</summary>
internal sealed class SkillEvolutionTurnCompleteConfiguration
{
    public bool? Enabled { get; set; }

    public int? ReviewThreshold { get; set; }

    public TimeSpan? Timeout { get; set; }

    public QoderGateErrorBehavior? OnGateError { get; set; }

    public QoderSkillEvolutionTurnCompleteOptions ApplyTo(QoderSkillEvolutionTurnCompleteOptions? turnComplete)
    {
        turnComplete ??= new QoderSkillEvolutionTurnCompleteOptions();
        turnComplete.Enabled = Enabled ?? turnComplete.Enabled;
        turnComplete.ReviewThreshold = ReviewThreshold ?? turnComplete.ReviewThreshold;
        turnComplete.Timeout = Timeout ?? turnComplete.Timeout;
        turnComplete.OnGateError = OnGateError ?? turnComplete.OnGateError;
        return turnComplete;
    }
}
