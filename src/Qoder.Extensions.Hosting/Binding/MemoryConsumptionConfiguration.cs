using Qoder.AgentSdk.Memory;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderMemoryConsumptionOptions"/>: files are appended, unset values keep what an earlier section set.</summary>
internal sealed class MemoryConsumptionConfiguration
{
    public bool? Enabled { get; set; }

    public List<QoderMemoryConsumptionFile> Files { get; } = [];

    public int? MaxTokens { get; set; }

    public QoderMemoryOverflow? Overflow { get; set; }

    public QoderMemoryFailureMode? FailureMode { get; set; }

    public QoderMemoryConsumptionOptions ApplyTo(QoderMemoryConsumptionOptions? consumption)
    {
        consumption ??= new QoderMemoryConsumptionOptions();
        consumption.Enabled = Enabled ?? consumption.Enabled;
        BindingMerge.Append(consumption.Files, Files);
        consumption.MaxTokens = MaxTokens ?? consumption.MaxTokens;
        consumption.Overflow = Overflow ?? consumption.Overflow;
        consumption.FailureMode = FailureMode ?? consumption.FailureMode;
        return consumption;
    }
}
