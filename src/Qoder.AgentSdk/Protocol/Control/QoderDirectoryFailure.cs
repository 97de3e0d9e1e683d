using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A directory the CLI refused to add.</summary>
public sealed record QoderDirectoryFailure
{
    /// <summary>Gets the path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets why.</summary>
    [JsonPropertyName("error")]
    public string Error { get; init; } = string.Empty;
}
