using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A memory file a memory generation could not write.</summary>
public sealed record QoderMemoryFileFailure
{
    /// <summary>Gets the memory root id.</summary>
    [JsonPropertyName("rootId")]
    public string RootId { get; init; } = string.Empty;

    /// <summary>Gets the file path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets the error.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
