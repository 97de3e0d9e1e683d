namespace Qoder.AgentSdk.Elicitation;

/// <summary>How the user answered an elicitation.</summary>
public enum QoderElicitationAction
{
    /// <summary>The user submitted the content (<c>accept</c>).</summary>
    Accept,

    /// <summary>The user refused (<c>decline</c>).</summary>
    Decline,

    /// <summary>The user dismissed it without a choice (<c>cancel</c>); the answer when no handler is set.</summary>
    Cancel,
}
