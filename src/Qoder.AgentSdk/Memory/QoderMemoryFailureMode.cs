namespace Qoder.AgentSdk.Memory;

/// <summary>What happens when a memory file cannot be read.</summary>
public enum QoderMemoryFailureMode
{
    /// <summary>The file is reported and left out (the CLI's default).</summary>
    BestEffort,

    /// <summary>A file marked <see cref="QoderMemoryConsumptionFile.Required"/> fails the query.</summary>
    FailQuery,
}
