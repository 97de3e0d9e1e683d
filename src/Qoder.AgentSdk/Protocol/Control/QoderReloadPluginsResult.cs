using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>reload_plugins</c>.</summary>
public sealed record QoderReloadPluginsResult
{
    /// <summary>Gets the slash commands now.</summary>
    [JsonPropertyName("commands")]
    public IReadOnlyList<QoderSlashCommand> Commands { get; init; } = [];

    /// <summary>Gets the subagents now.</summary>
    [JsonPropertyName("agents")]
    public IReadOnlyList<QoderAgentInfo> Agents { get; init; } = [];

    /// <summary>Gets the plugins now.</summary>
    [JsonPropertyName("plugins")]
    public IReadOnlyList<QoderPluginInfo> Plugins { get; init; } = [];

    /// <summary>Gets the MCP servers now.</summary>
    [JsonPropertyName("mcpServers")]
    public IReadOnlyList<McpServerStatus> McpServers { get; init; } = [];

    /// <summary>Gets how many plugins failed to load.</summary>
    [JsonPropertyName("error_count")]
    public int ErrorCount { get; init; }
}
