using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/elicitation_complete</c>: an MCP server's URL elicitation finished.</summary>
public sealed record ElicitationCompleteMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>elicitation_complete</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "elicitation_complete";

    /// <summary>Gets the MCP server.</summary>
    [JsonPropertyName("mcp_server_name")]
    public string McpServerName { get; init; } = string.Empty;

    /// <summary>Gets the elicitation.</summary>
    [JsonPropertyName("elicitation_id")]
    public string ElicitationId { get; init; } = string.Empty;
}
