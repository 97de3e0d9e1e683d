using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>The folder that was validated.</summary>
public sealed record QoderPluginValidationTarget
{
    /// <summary>Gets the path as given.</summary>
    [JsonPropertyName("inputPath")]
    public string InputPath { get; init; } = "";

    /// <summary>Gets the resolved path.</summary>
    [JsonPropertyName("resolvedPath")]
    public string ResolvedPath { get; init; } = "";

    /// <summary>Gets the manifest found, if any.</summary>
    [JsonPropertyName("manifestPath")]
    public string? ManifestPath { get; init; }
}
