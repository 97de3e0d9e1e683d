using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// MCP management requests: the stand-in's servers are the host's in-process ones, so these act on them by name and
/// refuse unknown names with the CLI's error; <c>mcp_set_servers</c> only reports what it would add and remove.
/// </summary>
internal sealed class McpControlHandler(SessionOutput output, SdkMcpServers mcp)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _external = new(StringComparer.Ordinal);

    public Task SetServersAsync(string requestId, JsonObject request)
    {
        if (request["servers"] is not JsonObject servers)
        {
            return output.RespondErrorAsync(requestId, "missing servers");
        }

        lock (_gate)
        {
            var wanted = servers.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var added = wanted.Where(n => !_external.Contains(n)).Order(StringComparer.Ordinal).ToList();
            var removed = _external.Where(n => !wanted.Contains(n)).Order(StringComparer.Ordinal).ToList();
            _external.Clear();
            _external.UnionWith(wanted);
            return output.RespondSuccessAsync(requestId, new JsonObject
            {
                ["added"] = Wire.Strings(added),
                ["removed"] = Wire.Strings(removed),
                ["errors"] = new JsonObject(),
            });
        }
    }

    public Task ToggleAsync(string requestId, JsonObject request)
    {
        if (Find(request) is not { } server)
        {
            return UnknownAsync(requestId, request);
        }

        server.Status = Wire.Bool(request["enabled"]) == false ? "disabled" : "connected";
        return output.RespondSuccessAsync(requestId, null);
    }

    public Task ReconnectAsync(string requestId, JsonObject request)
    {
        if (Find(request) is not { } server)
        {
            return UnknownAsync(requestId, request);
        }

        server.Status = "connected";
        return output.RespondSuccessAsync(requestId, null);
    }

    public Task AuthenticateAsync(string requestId, JsonObject request) =>
        Find(request) is { } server
            ? output.RespondSuccessAsync(requestId, new JsonObject
            {
                ["requiresUserAction"] = true,
                ["authUrl"] = $"https://auth.invalid/authorize?server={Uri.EscapeDataString(server.Name)}",
            })
            : UnknownAsync(requestId, request);

    /// <summary><c>mcp_oauth_callback_url</c> and <c>mcp_clear_auth</c>: nothing to store, but the server must exist.</summary>
    public Task AcknowledgeKnownServerAsync(string requestId, JsonObject request) =>
        Find(request) is not null ? output.RespondSuccessAsync(requestId, null) : UnknownAsync(requestId, request);

    private McpServer? Find(JsonObject request) =>
        Wire.Str(request["serverName"]) is { } name ? mcp.Servers.FirstOrDefault(s => s.Name == name) : null;

    private Task UnknownAsync(string requestId, JsonObject request) =>
        output.RespondErrorAsync(requestId, $"No MCP server registered with the name \"{Wire.Str(request["serverName"])}\"");
}
