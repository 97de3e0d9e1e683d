using Microsoft.Extensions.Options;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Everything a hosted agent is configured with, bound from the <c>Qoder</c> section (a named agent then from
/// <c>Qoder:Agents:&lt;name&gt;</c> on top). Named options: the name is the agent name (empty for the default agent).
/// </summary>
public sealed class QoderHostingOptions
{
    /// <summary>Gets the client options every process of the agent is started with (section <c>Qoder:Agent</c>). Their <see cref="QoderAgentOptions.Auth"/> is set from <see cref="Auth"/>.</summary>
    public QoderAgentOptions Agent { get; } = new();

    /// <summary>Gets or sets how the CLI authenticates (<c>Qoder:Auth</c>).</summary>
    public QoderAuthMode Auth { get; set; } = QoderAuthMode.AccessToken;

    /// <summary>Gets or sets the Personal Access Token (<c>Qoder:PersonalAccessToken</c>; keep it in user-secrets or the environment). When unset, <c>QODER_PERSONAL_ACCESS_TOKEN</c> is read at launch.</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Gets or sets the service-account key (<c>Qoder:ServiceAccountKey</c>; keep it in user-secrets or the environment). Used with <c>Qoder:Auth</c> <c>ServiceAccount</c>; when unset, <c>QODER_SERVICE_ACCOUNT_KEY</c> is read at launch.</summary>
    public string? ServiceAccountKey { get; set; }

    /// <summary>Gets the pool settings (<c>Qoder:Pool</c>).</summary>
    [ValidateObjectMembers]
    public QoderPoolOptions Pool { get; } = new();

    /// <summary>Gets the default resilience pipeline settings (<c>Qoder:Resilience</c>).</summary>
    [ValidateObjectMembers]
    public QoderResilienceOptions Resilience { get; } = new();

    /// <summary>Gets the settings of <see cref="IQoderConversations"/> (<c>Qoder:Conversations</c>).</summary>
    [ValidateObjectMembers]
    public QoderConversationsOptions Conversations { get; } = new();

    /// <summary>Gets or sets a value indicating whether prompt text may appear in logs. Off by default; the token never does.</summary>
    public bool LogSensitiveData { get; set; }
}
