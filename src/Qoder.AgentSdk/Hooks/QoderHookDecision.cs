namespace Qoder.AgentSdk;

/// <summary>The legacy top-level <c>decision</c> of a hook output.</summary>
public enum QoderHookDecision
{
    /// <summary><c>approve</c>.</summary>
    Approve,

    /// <summary><c>block</c>.</summary>
    Block,
}
