using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderMemoryGenerationOptions"/>: roots are appended, unset values keep what an earlier section set.</summary>
internal sealed class MemoryGenerationConfiguration
{
    public bool? Enabled { get; set; }

    public List<QoderMemoryRoot> Roots { get; } = [];

    public string? Prompt { get; set; }

    public MemoryTurnCompleteConfiguration? TurnComplete { get; set; }

    public QoderMemoryGenerationOptions ApplyTo(QoderMemoryGenerationOptions? generation)
    {
        generation ??= new QoderMemoryGenerationOptions();
        generation.Enabled = Enabled ?? generation.Enabled;
        BindingMerge.Append(generation.Roots, Roots);
        generation.Prompt = Prompt ?? generation.Prompt;
        generation.TurnComplete = TurnComplete is null ? generation.TurnComplete : TurnComplete.ApplyTo(generation.TurnComplete);
        return generation;
    }
}
