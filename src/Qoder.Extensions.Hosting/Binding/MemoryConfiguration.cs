using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderMemoryOptions"/> (<c>Qoder:Agent:Memory</c>); the gate and result callbacks are code-only.</summary>
internal sealed class MemoryConfiguration
{
    public QoderMemoryMode? Mode { get; set; }

    public bool? ProjectScope { get; set; }

    public bool? UserScope { get; set; }

    public MemoryGenerationConfiguration? Generation { get; set; }

    public MemoryConsumptionConfiguration? Consumption { get; set; }

    public QoderMemoryOptions ApplyTo(QoderMemoryOptions? memory)
    {
        memory ??= new QoderMemoryOptions();
        memory.Mode = Mode ?? memory.Mode;
        memory.ProjectScope = ProjectScope ?? memory.ProjectScope;
        memory.UserScope = UserScope ?? memory.UserScope;
        memory.Generation = Generation is null ? memory.Generation : Generation.ApplyTo(memory.Generation);
        memory.Consumption = Consumption is null ? memory.Consumption : Consumption.ApplyTo(memory.Consumption);
        return memory;
    }
}
