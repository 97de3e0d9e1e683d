using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>Read-only queries answered between turns: <c>mcp_status</c> and <c>account_info</c>.</summary>
internal sealed class InfoRequestHandler(SessionOutput output, SdkMcpServers mcp)
{
    public Task McpStatusAsync(string requestId, JsonObject request) => output.RespondSuccessAsync(requestId, mcp.Status());

    public Task AccountInfoAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["account"] = new JsonObject() });
}
