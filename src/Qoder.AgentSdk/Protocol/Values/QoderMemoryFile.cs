using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A memory file written by a memory generation.</summary>
public sealed record QoderMemoryFile
{
    /// <summary>Gets the memory root id.</summary>
    [JsonPropertyName("rootId")]
    public string RootId { get; init; } = string.Empty;

    /// <summary>Gets the file path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;
}
