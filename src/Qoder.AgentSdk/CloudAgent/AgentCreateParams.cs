using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The body of <c>POST /agents</c>: a Cloud Agent to create.</summary>
public sealed record AgentCreateParams
{
    /// <summary>Gets the model identifier.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>Gets the agent's display name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Gets what the agent does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the system prompt.</summary>
    [JsonPropertyName("system")]
    public string? System { get; init; }

    /// <summary>Gets the built-in toolsets the agent may use.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<CloudAgentToolset>? Tools { get; init; }

    /// <summary>Gets the MCP servers the agent connects to.</summary>
    [JsonPropertyName("mcp_servers")]
    public IReadOnlyList<CloudAgentMcpServer>? McpServers { get; init; }

    /// <summary>Gets the custom skills available to the agent.</summary>
    [JsonPropertyName("skills")]
    public IReadOnlyList<CloudAgentSkill>? Skills { get; init; }

    /// <summary>Gets free key-value metadata.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
