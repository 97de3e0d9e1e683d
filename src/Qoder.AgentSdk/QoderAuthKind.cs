namespace Qoder.AgentSdk;

/// <summary>How the CLI is given its credentials.</summary>
public enum QoderAuthKind
{
    /// <summary>A Personal Access Token passed in the one-time auth payload file.</summary>
    AccessToken,

    /// <summary>The CLI reuses the local <c>qodercli login</c> (read-only).</summary>
    QoderCliLogin,

    /// <summary>Plain headless mode: no SDK entrypoint and no auth payload; the CLI relies on its own login or settings.</summary>
    Headless,

    /// <summary>An organisation's service account: a key in the payload, or tokens the host hands over on request (<c>fetch_service_account_token</c>).</summary>
    ServiceAccount,

    /// <summary>Job tokens the host hands over on request (<c>fetch_job_token</c>), for first-party host integrations.</summary>
    JobToken,
}
