namespace Qoder.AgentSdk;

/// <summary>How the CLI decides whether a tool call may run without asking.</summary>
public enum QoderPermissionMode
{
    /// <summary>Ask according to the permission rules.</summary>
    Default,

    /// <summary>Allow file edits without asking.</summary>
    AcceptEdits,

    /// <summary>Allow every tool call.</summary>
    BypassPermissions,

    /// <summary>Plan only; no changes are made.</summary>
    Plan,

    /// <summary>Deny instead of asking.</summary>
    DontAsk,

    /// <summary>A classifier decides.</summary>
    Auto,

    /// <summary>The SDK alias of <see cref="BypassPermissions"/> that starts the CLI with <c>--yolo</c>.</summary>
    Yolo,
}
