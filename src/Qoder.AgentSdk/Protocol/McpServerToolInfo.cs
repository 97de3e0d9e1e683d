using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One tool of an MCP server in <see cref="McpServerStatus.Tools"/>.</summary>
public sealed record McpServerToolInfo
{
    /// <summary>Gets the tool name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the tool description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the tool annotations (<c>readOnly</c>, <c>destructive</c>, <c>openWorld</c>).</summary>
    [JsonPropertyName("annotations")]
    public JsonElement? Annotations { get; init; }
}
