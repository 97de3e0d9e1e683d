using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>A skill, agent, MCP server or command a plugin brings.</summary>
public sealed record QoderPluginResource
{
    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the argument hint of a skill or command.</summary>
    [JsonPropertyName("argumentHint")]
    public string? ArgumentHint { get; init; }

    /// <summary>Gets the colour of an agent.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>Gets the transport of an MCP server.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
