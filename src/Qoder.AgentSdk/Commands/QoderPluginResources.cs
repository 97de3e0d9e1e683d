using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>What a plugin brings.</summary>
public sealed record QoderPluginResources
{
    /// <summary>Gets the skills.</summary>
    [JsonPropertyName("skills")]
    public IReadOnlyList<QoderPluginResource> Skills { get; init; } = [];

    /// <summary>Gets the agents.</summary>
    [JsonPropertyName("agents")]
    public IReadOnlyList<QoderPluginResource> Agents { get; init; } = [];

    /// <summary>Gets the MCP servers.</summary>
    [JsonPropertyName("mcpServers")]
    public IReadOnlyList<QoderPluginResource> McpServers { get; init; } = [];

    /// <summary>Gets the slash commands.</summary>
    [JsonPropertyName("commands")]
    public IReadOnlyList<QoderPluginResource> Commands { get; init; } = [];

    /// <summary>Gets the hooks.</summary>
    [JsonPropertyName("hooks")]
    public IReadOnlyList<QoderPluginHook> Hooks { get; init; } = [];
}
