namespace Qoder.AgentSdk;

/// <summary>A PreToolUse hook's decision about the tool call (<c>permissionDecision</c>).</summary>
public enum QoderHookPermissionDecision
{
    /// <summary><c>allow</c>: run without asking.</summary>
    Allow,

    /// <summary><c>deny</c>: block the call; the model sees <c>Error: Tool execution blocked: &lt;reason&gt;</c>.</summary>
    Deny,

    /// <summary><c>ask</c>: ask for permission as usual.</summary>
    Ask,

    /// <summary><c>defer</c>: leave the decision to the normal rules.</summary>
    Defer,
}
