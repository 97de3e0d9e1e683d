using System.Diagnostics.CodeAnalysis;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// Runs queries on the Qoder Cloud API over HTTP instead of starting the CLI (experimental, as the official SDK's
/// <c>experimentalCloudAgent</c>): use an existing session, or an agent (existing or created) with a session created for it.
/// </summary>
public sealed class CloudAgentOptions
{
    /// <summary>The variable that overrides the API base address.</summary>
    public const string ApiBaseVariable = "QODER_CLOUD_AGENT_API_BASE";

    /// <summary>The API base address used when neither <see cref="ApiBase"/> nor <see cref="ApiBaseVariable"/> is set.</summary>
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A constant address.")]
    public const string DefaultApiBase = "https://api.qoder.com/api/v1/cloud";

    /// <summary>Gets or sets the agent to use or create; leave it unset when <see cref="Session"/> names an existing session (which already selects its agent).</summary>
    public CloudAgentReference? Agent { get; set; }

    /// <summary>Gets or sets the session to use or create. Required.</summary>
    public CloudSessionReference? Session { get; set; }

    /// <summary>Gets or sets the replay and delta options of the session's event stream.</summary>
    public CloudAgentStreamOptions? Stream { get; set; }

    /// <summary>Gets or sets the API base address; by default <see cref="ApiBaseVariable"/>, else <see cref="DefaultApiBase"/>.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>Gets or sets the HTTP client to send requests with (not disposed by the SDK); a new one per query by default.</summary>
    public HttpClient? HttpClient { get; set; }
}
