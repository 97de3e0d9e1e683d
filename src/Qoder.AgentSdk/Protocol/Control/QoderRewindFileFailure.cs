using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A file a rewind could not restore.</summary>
public sealed record QoderRewindFileFailure
{
    /// <summary>Gets the path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets why.</summary>
    [JsonPropertyName("error")]
    public string Error { get; init; } = string.Empty;
}
