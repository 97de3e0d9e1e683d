namespace Qoder.AgentSdk.Memory;

/// <summary>What the memory agents may do in a <see cref="QoderMemoryRoot"/>.</summary>
public enum QoderMemoryRootAccess
{
    /// <summary>Read and write (the CLI's default).</summary>
    ReadWrite,

    /// <summary>Read only.</summary>
    Read,
}
