using System.Text.Json;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// Typed control requests for any <see cref="IQoderClient"/>: a <see cref="QoderClient"/> or a hosted session. Each
/// builds its request, sends it through <see cref="IQoderClient.SendControlRequestAsync"/> and reads the typed answer.
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
}
