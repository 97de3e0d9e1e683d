using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Mcp;

/// <summary>An in-process MCP server of the host (initialize's <c>sdkMcpServers</c>), reached through <c>mcp_message</c>.</summary>
internal sealed class McpServer(string name)
{
    public string Name { get; } = name;

    public string Status { get; set; } = "pending";

    public int NextId { get; set; }

    public List<JsonObject> Tools { get; } = [];
}
