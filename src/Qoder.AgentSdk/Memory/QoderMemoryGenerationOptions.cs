using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Memory;

/// <summary>Overrides of the CLI's memory generation (<see cref="QoderMemoryMode.Custom"/>; in native mode only <see cref="OnResult"/>).</summary>
public sealed class QoderMemoryGenerationOptions
{
    /// <summary>Gets or sets a value indicating whether automatic and active generation run; <see langword="null"/> means yes.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets the memory directories; empty keeps the CLI's own.</summary>
    public IList<QoderMemoryRoot> Roots { get; } = [];

    /// <summary>Gets or sets the generation instructions; <see langword="null"/> keeps the CLI's prompt.</summary>
    public string? Prompt { get; set; }

    /// <summary>Gets or sets the turn-complete generation settings; <see langword="null"/> keeps the CLI's.</summary>
    public QoderMemoryTurnCompleteOptions? TurnComplete { get; set; }

    /// <summary>
    /// Gets or sets a callback that receives every generation outcome (<c>system/memory_generation</c>). It runs on the
    /// client's read loop: keep it short; an exception is logged and ignored.
    /// </summary>
    public Action<QoderMemoryGenerationResult>? OnResult { get; set; }

    internal QoderMemoryGenerationOptions Clone()
    {
        var copy = new QoderMemoryGenerationOptions { Enabled = Enabled, Prompt = Prompt, TurnComplete = TurnComplete?.Clone(), OnResult = OnResult };
        foreach (var root in Roots)
        {
            copy.Roots.Add(root.Clone());
        }

        return copy;
    }
}
