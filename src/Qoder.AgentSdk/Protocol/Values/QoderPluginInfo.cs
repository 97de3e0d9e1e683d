using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A plugin loaded by the session.</summary>
public sealed record QoderPluginInfo
{
    /// <summary>Gets the plugin name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the plugin folder.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets where the plugin comes from, when the CLI says.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
