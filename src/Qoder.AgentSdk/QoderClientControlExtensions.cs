using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk;

/// <summary>
/// Typed MCP control requests for any <see cref="IQoderClient"/>: a <see cref="QoderClient"/> or a hosted session. Each
/// builds its request, sends it through <see cref="IQoderClient.SendControlRequestAsync"/> and reads the typed answer. The
/// other typed requests are in <see cref="QoderClientTurnExtensions"/>, <see cref="QoderClientInfoExtensions"/>,
/// <see cref="QoderClientSettingsExtensions"/>, <see cref="QoderClientGoalExtensions"/>,
/// <see cref="QoderClientConversationExtensions"/> and <see cref="QoderClientMemoryExtensions"/>.
/// </summary>
public static class QoderClientControlExtensions
{
    /// <summary>
    /// Gets the state of the session's MCP servers (the in-process ones included). The CLI answers it after the running
    /// turn, if any, has ended.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>One entry per configured server.</returns>
    public static async Task<IReadOnlyList<McpServerStatus>> GetMcpStatusAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await client.SendControlRequestAsync(ControlRequests.Simple("mcp_status"), cancellationToken).ConfigureAwait(false);
        return body is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("servers", out var servers)
            ? servers.Deserialize(QoderJsonContext.Default.IReadOnlyListMcpServerStatus) ?? []
            : [];
    }

    /// <summary>Reconnects one MCP server (<c>mcp_reconnect</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverName">The server name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has reconnected it.</returns>
    /// <exception cref="QoderControlRequestException">No server has that name.</exception>
    public static async Task ReconnectMcpServerAsync(this IQoderClient client, string serverName, CancellationToken cancellationToken = default) =>
        await TypedControl.SendAsync(client, ServerRequest("mcp_reconnect", serverName), cancellationToken).ConfigureAwait(false);

    /// <summary>Turns one MCP server off or on (<c>mcp_toggle</c>); a disabled server's tools disappear.</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverName">The server name.</param>
    /// <param name="enabled">Whether the server is on.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has switched it.</returns>
    /// <exception cref="QoderControlRequestException">No server has that name.</exception>
    public static async Task ToggleMcpServerAsync(this IQoderClient client, string serverName, bool enabled, CancellationToken cancellationToken = default)
    {
        var request = ServerRequest("mcp_toggle", serverName);
        request["enabled"] = enabled;
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the session's external MCP servers (<c>mcp_set_servers</c>): servers not listed are removed, new ones
    /// started. In-process servers are not affected. Changing tools mid-session breaks the prompt cache.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="servers">The servers by name, in the shape of <see cref="QoderAgentOptions.McpServers"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was added and removed, and the servers that failed.</returns>
    public static async Task<QoderMcpSetServersResult> SetMcpServersAsync(
        this IQoderClient client, IDictionary<string, QoderMcpServerConfig> servers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var request = TypedControl.Request("mcp_set_servers");
        request["servers"] = JsonNode.Parse(LaunchArguments.BuildMcpConfig(servers))!["mcpServers"]!.DeepClone();
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderMcpSetServersResult) ?? new QoderMcpSetServersResult();
    }

    /// <summary>Starts the OAuth flow of an MCP server (<c>mcp_authenticate</c>). Call it before the first prompt.</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverName">The server name.</param>
    /// <param name="redirectUri">A redirect target of the host's own, if any.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the user must open an authorisation page, and which.</returns>
    public static async Task<QoderMcpAuthentication> AuthenticateMcpServerAsync(
        this IQoderClient client, string serverName, Uri? redirectUri = null, CancellationToken cancellationToken = default)
    {
        var request = ServerRequest("mcp_authenticate", serverName);
        if (redirectUri is not null)
        {
            request["redirectUri"] = redirectUri.ToString();
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        var result = TypedControl.Read(body, QoderControlJsonContext.Default.QoderMcpAuthentication) ?? new QoderMcpAuthentication();
        return result.RequiresUserAction && result.AuthUrl is null
            ? throw new QoderProtocolException("The CLI answered mcp_authenticate with requiresUserAction but no authUrl.", body?.GetRawText())
            : result;
    }

    /// <summary>Completes an OAuth flow started with <see cref="AuthenticateMcpServerAsync"/> (<c>mcp_oauth_callback_url</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverName">The server name.</param>
    /// <param name="callbackUrl">The URL the browser was redirected to.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has the token and reconnected the server.</returns>
    public static async Task SubmitMcpOAuthCallbackUrlAsync(this IQoderClient client, string serverName, Uri callbackUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        var request = ServerRequest("mcp_oauth_callback_url", serverName);
        request["callbackUrl"] = callbackUrl.ToString();
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the stored OAuth credentials of an MCP server and reconnects it (<c>mcp_clear_auth</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="serverName">The server name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the credentials are gone.</returns>
    public static async Task ClearMcpAuthAsync(this IQoderClient client, string serverName, CancellationToken cancellationToken = default) =>
        await TypedControl.SendAsync(client, ServerRequest("mcp_clear_auth", serverName), cancellationToken).ConfigureAwait(false);

    private static JsonObject ServerRequest(string subtype, string serverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        var request = TypedControl.Request(subtype);
        request["serverName"] = serverName;
        return request;
    }
}
