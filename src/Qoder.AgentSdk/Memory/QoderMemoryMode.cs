namespace Qoder.AgentSdk.Memory;

/// <summary>How <see cref="QoderMemoryOptions"/> configures the CLI's memory.</summary>
public enum QoderMemoryMode
{
    /// <summary>The CLI's own generation and consumption; only the scopes and the result callbacks apply.</summary>
    Native,

    /// <summary>The given generation and consumption overrides apply; what is left out keeps the CLI's behaviour.</summary>
    Custom,
}
