using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>An MCP server a Cloud Agent reaches by URL.</summary>
public sealed record CloudAgentMcpServer
{
    /// <summary>Gets the connection type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "url";

    /// <summary>Gets the server name, unique per agent.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Gets the server endpoint.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }
}
