using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A file read more than once into the context.</summary>
public sealed record QoderDuplicateFileRead
{
    /// <summary>Gets the file path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets how many times it was read.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }
}
