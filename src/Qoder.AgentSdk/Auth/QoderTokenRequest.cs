namespace Qoder.AgentSdk.Auth;

/// <summary>The CLI's request for a token (<c>fetch_job_token</c> or <c>fetch_service_account_token</c>).</summary>
public sealed class QoderTokenRequest
{
    /// <summary>Initializes a new instance of the <see cref="QoderTokenRequest"/> class.</summary>
    /// <param name="reason">Why the CLI asks.</param>
    /// <param name="sessionId">The CLI's session id, when it sent one.</param>
    /// <param name="requiredScopes">The scopes a service-account token needs; empty for a job token.</param>
    public QoderTokenRequest(QoderTokenRequestReason reason, string? sessionId, IReadOnlyList<string> requiredScopes)
    {
        Reason = reason;
        SessionId = sessionId;
        RequiredScopes = requiredScopes;
    }

    /// <summary>Gets why the CLI asks.</summary>
    public QoderTokenRequestReason Reason { get; }

    /// <summary>Gets the CLI's session id, when it sent one.</summary>
    public string? SessionId { get; }

    /// <summary>Gets the scopes a service-account token needs (<c>required_scopes</c>); empty for a job token.</summary>
    public IReadOnlyList<string> RequiredScopes { get; }
}
