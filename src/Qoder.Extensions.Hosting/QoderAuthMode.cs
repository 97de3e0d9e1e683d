namespace Qoder.Extensions.Hosting;

/// <summary>How a hosted agent's CLI authenticates (configuration key <c>Qoder:Auth</c>).</summary>
public enum QoderAuthMode
{
    /// <summary>A Personal Access Token from <c>Qoder:PersonalAccessToken</c>, else from <c>QODER_PERSONAL_ACCESS_TOKEN</c>.</summary>
    AccessToken,

    /// <summary>The login of a locally installed <c>qodercli</c>.</summary>
    QoderCliLogin,

    /// <summary>Plain headless mode: the CLI authenticates by its own means (its login or its settings).</summary>
    Headless,

    /// <summary>
    /// An organisation's service account: the key from <c>Qoder:ServiceAccountKey</c>, else from
    /// <c>QODER_SERVICE_ACCOUNT_KEY</c>; or, when a token provider is registered (<c>AddTokenProvider</c>), tokens from it.
    /// </summary>
    ServiceAccount,

    /// <summary>Job tokens from the token provider registered with <c>AddTokenProvider</c> (required).</summary>
    JobToken,
}
