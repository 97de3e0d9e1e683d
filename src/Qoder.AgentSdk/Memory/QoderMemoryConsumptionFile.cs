namespace Qoder.AgentSdk.Memory;

/// <summary>A file injected into the agent's context as memory.</summary>
public sealed class QoderMemoryConsumptionFile
{
    /// <summary>Gets or sets the caller's stable identifier, used as the section name and in results.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the file, on the machine that runs the CLI.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether a read failure fails the query (with <see cref="QoderMemoryFailureMode.FailQuery"/>).</summary>
    public bool Required { get; set; }

    internal QoderMemoryConsumptionFile Clone() => new() { Id = Id, Path = Path, Required = Required };
}
