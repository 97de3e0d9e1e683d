using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Tools;

namespace Qoder.AgentSdk.Testing.Internal.Mcp;

/// <summary>The host's SDK MCP servers: connected at initialize, listed in system/init and <c>mcp_status</c>, called for <c>mcp__server__tool</c>.</summary>
internal sealed class SdkMcpServers(QoderScenario scenario, OutboundControlRequests outbound)
{
    private readonly List<McpServer> _servers = [];

    public IReadOnlyList<McpServer> Servers => _servers;

    /// <summary>The MCP handshake and <c>tools/list</c>; a server whose initialize fails is listed as failed.</summary>
    public async Task ConnectAsync(string name, CancellationToken ct)
    {
        var server = new McpServer(name);
        _servers.Add(server);
        var init = await SendAsync(server, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = server.NextId++,
            ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["protocolVersion"] = "2025-11-25",
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "qodercli-sdk-bridge", ["version"] = scenario.CliVersion },
            },
        }, ct).ConfigureAwait(false);
        if (init is null)
        {
            server.Status = "failed";
            return;
        }

        await SendAsync(server, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }, ct).ConfigureAwait(false);
        var list = await SendAsync(server, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = server.NextId++,
            ["method"] = "tools/list",
            ["params"] = new JsonObject(),
        }, ct).ConfigureAwait(false);
        if (list?["result"]?["tools"] is JsonArray tools)
        {
            server.Tools.AddRange(tools.OfType<JsonObject>());
        }

        server.Status = "connected";
    }

    /// <summary>The <c>mcp_status</c> answer.</summary>
    public JsonObject Status()
    {
        var servers = new JsonArray();
        foreach (var server in _servers)
        {
            servers.Add((JsonNode)new JsonObject
            {
                ["name"] = server.Name,
                ["status"] = server.Status,
                ["config"] = new JsonObject { ["type"] = "sdk", ["name"] = server.Name },
                ["tools"] = new JsonArray([.. server.Tools.Select(t => (JsonNode?)new JsonObject { ["name"] = Wire.Str(t["name"]) })]),
            });
        }

        return new JsonObject { ["servers"] = servers };
    }

    /// <summary><c>tools/call</c> on <paramref name="serverName"/>, reported as the tool result the CLI prints.</summary>
    public async Task<ToolOutcome> CallToolAsync(string toolName, string serverName, string tool, JsonObject input, CancellationToken ct)
    {
        var server = _servers.FirstOrDefault(s => s.Name == serverName);
        if (server is null)
        {
            return ToolOutcome.Error($"Error: No such tool available: {toolName}");
        }

        var answer = await outbound.RequestAsync(new JsonObject
        {
            ["subtype"] = "mcp_message",
            ["server_name"] = server.Name,
            ["message"] = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = server.NextId++,
                ["method"] = "tools/call",
                ["params"] = new JsonObject
                {
                    ["name"] = tool,
                    ["arguments"] = input.DeepClone(),
                    ["_meta"] = new JsonObject { ["progressToken"] = Wire.NewId() },
                },
            },
        }, ct).ConfigureAwait(false);
        if (answer.IsError)
        {
            return ToolOutcome.Error($"Error: {answer.Error}");
        }

        if (answer.Body?["mcp_response"] is not JsonObject response)
        {
            return ToolOutcome.Error("Error: SDK returned malformed mcp_message response: missing mcp_response");
        }

        if (response["error"] is JsonObject error)
        {
            return ToolOutcome.Error($"MCP error {error["code"]?.ToJsonString()}: {Wire.Str(error["message"])}");
        }

        var content = response["result"]?["content"] as JsonArray ?? [];
        return new ToolOutcome(content.DeepClone(), Wire.Bool(response["result"]?["isError"]) == true, content.DeepClone(), content.DeepClone());
    }

    private async Task<JsonObject?> SendAsync(McpServer server, JsonObject message, CancellationToken ct)
    {
        var answer = await outbound.RequestAsync(new JsonObject { ["subtype"] = "mcp_message", ["server_name"] = server.Name, ["message"] = message }, ct)
            .ConfigureAwait(false);
        return answer.IsError ? null : answer.Body?["mcp_response"] as JsonObject;
    }
}
