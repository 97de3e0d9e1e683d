namespace Qoder.AgentSdk.Memory;

/// <summary>Memory generation started by the CLI when a turn completes.</summary>
public sealed class QoderMemoryTurnCompleteOptions
{
    /// <summary>Gets or sets a value indicating whether turn-complete generation runs; <see langword="null"/> means yes.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Gets or sets the host's gate, asked (<c>memory_should_generate</c>) before the background memory agent starts; without
    /// one only the CLI's own guards apply.
    /// </summary>
    public Func<QoderTurnCompleteGateInput, CancellationToken, ValueTask<QoderTurnCompleteGateResult>>? ShouldGenerate { get; set; }

    /// <summary>Gets or sets how long <see cref="ShouldGenerate"/> may take; <see langword="null"/> keeps the CLI's 10 seconds.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets what a failed or late gate produces; <see langword="null"/> keeps <see cref="QoderGateErrorBehavior.Skip"/>.</summary>
    public QoderGateErrorBehavior? OnGateError { get; set; }

    internal QoderMemoryTurnCompleteOptions Clone() => new() { Enabled = Enabled, ShouldGenerate = ShouldGenerate, Timeout = Timeout, OnGateError = OnGateError };
}
