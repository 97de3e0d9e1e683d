namespace Qoder.AgentSdk.Memory;

/// <summary>What the CLI reports when a turn-complete gate callback fails or runs out of time.</summary>
public enum QoderGateErrorBehavior
{
    /// <summary>A <c>skipped</c> result (the CLI's default).</summary>
    Skip,

    /// <summary>A <c>failed</c> result.</summary>
    ReportFailed,
}
