namespace Qoder.Extensions.Hosting;

/// <summary>Marks an agent registered with <c>AddQoderAgent</c>; the lifecycle service and the validator enumerate these.</summary>
internal sealed class QoderAgentRegistration
{
    public QoderAgentRegistration(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Gets or sets the pipeline that replaces the default one (<c>ConfigureResilience</c>).</summary>
    public Action<Polly.ResiliencePipelineBuilder>? CustomPipeline { get; set; }

    /// <summary>Gets the display name used in telemetry: <c>default</c> for the unnamed agent.</summary>
    public string DisplayName => string.IsNullOrEmpty(Name) ? "default" : Name;
}
