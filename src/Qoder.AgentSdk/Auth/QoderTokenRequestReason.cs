namespace Qoder.AgentSdk.Auth;

/// <summary>Why the CLI asks the host for a token (<c>reason</c>).</summary>
public enum QoderTokenRequestReason
{
    /// <summary>The first token of the session (<c>initial</c>, also when the CLI sends no reason).</summary>
    Initial,

    /// <summary>The current token expires soon (<c>expiring</c>).</summary>
    Expiring,

    /// <summary>The backend rejected the current token (<c>unauthorized</c>).</summary>
    Unauthorized,
}
