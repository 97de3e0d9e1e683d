namespace Qoder.AgentSdk.Memory;

/// <summary>What happens when the memory files exceed <see cref="QoderMemoryConsumptionOptions.MaxTokens"/>.</summary>
public enum QoderMemoryOverflow
{
    /// <summary>The content is cut to the budget (the CLI's default).</summary>
    Truncate,

    /// <summary>The query fails.</summary>
    FailQuery,
}
