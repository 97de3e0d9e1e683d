using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>
/// One-shot queries on the Qoder Cloud API (experimental): no CLI is started. <see cref="QoderQuery"/> routes here when
/// <see cref="QoderAgentOptions.ExperimentalCloudAgent"/> is set; only <see cref="QoderAgentOptions.Auth"/> (a Personal
/// Access Token), <see cref="QoderAgentOptions.Environment"/> and <see cref="QoderAgentOptions.OnAuthExpired"/> apply, the
/// CLI options are not used.
/// </summary>
public static class QoderCloudAgent
{
    /// <summary>
    /// Sends one prompt to a Cloud session and streams every session event as a <see cref="CloudAgentEventMessage"/>,
    /// ending with the turn's <see cref="ResultMessage"/> (its text is the agent's text of the turn).
    /// </summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">The options; <see cref="QoderAgentOptions.ExperimentalCloudAgent"/> must be set.</param>
    /// <param name="cancellationToken">Stops the requests and the event stream.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="QoderConfigurationException">The Cloud Agent options or the auth setting cannot be used.</exception>
    /// <exception cref="QoderAuthenticationException">The token's environment variable is not set.</exception>
    /// <exception cref="QoderCloudAgentException">A request failed or the event stream broke.</exception>
    public static IAsyncEnumerable<QoderMessage> QueryAsync(string prompt, QoderAgentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        return CloudAgentQuery.RunAsync(prompt, options, TimeProvider.System, cancellationToken);
    }
}
