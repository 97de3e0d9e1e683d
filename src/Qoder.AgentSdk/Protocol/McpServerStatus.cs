using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The state of one MCP server of the session, as the CLI reports it to <c>mcp_status</c>.</summary>
public sealed record McpServerStatus
{
    /// <summary>Gets the server name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the state: <c>connected</c>, <c>failed</c>, <c>needs-auth</c>, <c>pending</c> or <c>disabled</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the error of a failed server.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets where the server is configured (for example <c>user</c> or <c>project</c>), when the CLI says.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>Gets the server's own name and version, as it reported them.</summary>
    [JsonPropertyName("serverInfo")]
    public JsonElement? ServerInfo { get; init; }

    /// <summary>Gets the server's configuration as the CLI holds it.</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    /// <summary>Gets the tools the server offers.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<McpServerToolInfo> Tools { get; init; } = [];
}
