using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderMemoryTurnCompleteOptions"/>; the gate itself is code-only (<c>AddMemoryGate</c>).</summary>
internal sealed class MemoryTurnCompleteConfiguration
{
    public bool? Enabled { get; set; }

    public TimeSpan? Timeout { get; set; }

    public QoderGateErrorBehavior? OnGateError { get; set; }

    public QoderMemoryTurnCompleteOptions ApplyTo(QoderMemoryTurnCompleteOptions? turnComplete)
    {
        turnComplete ??= new QoderMemoryTurnCompleteOptions();
        turnComplete.Enabled = Enabled ?? turnComplete.Enabled;
        turnComplete.Timeout = Timeout ?? turnComplete.Timeout;
        turnComplete.OnGateError = OnGateError ?? turnComplete.OnGateError;
        return turnComplete;
    }
}
