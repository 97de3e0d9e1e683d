using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Memory;

/// <summary>Overrides of the memory the CLI injects into the context (<see cref="QoderMemoryMode.Custom"/>; in native mode only <see cref="OnResult"/>).</summary>
public sealed class QoderMemoryConsumptionOptions
{
    /// <summary>Gets or sets a value indicating whether memory is injected; <see langword="null"/> means yes.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets the files injected, in order, instead of the CLI's own auto-memory; empty keeps the CLI's.</summary>
    public IList<QoderMemoryConsumptionFile> Files { get; } = [];

    /// <summary>Gets or sets the token budget shared by <see cref="Files"/>; <see langword="null"/> for none.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Gets or sets what happens beyond <see cref="MaxTokens"/>; <see langword="null"/> keeps <see cref="QoderMemoryOverflow.Truncate"/>.</summary>
    public QoderMemoryOverflow? Overflow { get; set; }

    /// <summary>Gets or sets what a read failure does; <see langword="null"/> keeps <see cref="QoderMemoryFailureMode.BestEffort"/>.</summary>
    public QoderMemoryFailureMode? FailureMode { get; set; }

    /// <summary>
    /// Gets or sets a callback that receives the per-file load status (<c>system/memory_consumption</c>) after start-up and
    /// each refresh. It runs on the client's read loop: keep it short; an exception is logged and ignored.
    /// </summary>
    public Action<QoderMemoryConsumptionResult>? OnResult { get; set; }

    internal QoderMemoryConsumptionOptions Clone()
    {
        var copy = new QoderMemoryConsumptionOptions { Enabled = Enabled, MaxTokens = MaxTokens, Overflow = Overflow, FailureMode = FailureMode, OnResult = OnResult };
        foreach (var file in Files)
        {
            copy.Files.Add(file.Clone());
        }

        return copy;
    }
}
