using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The body of the CLI's answer to <c>mcp_status</c>.</summary>
internal sealed record McpStatusResponse
{
    [JsonPropertyName("servers")]
    public IReadOnlyList<McpServerStatus> Servers { get; init; } = [];
}
