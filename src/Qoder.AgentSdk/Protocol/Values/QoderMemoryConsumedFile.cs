using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A memory file a memory consumption loaded (or not).</summary>
public sealed record QoderMemoryConsumedFile
{
    /// <summary>Gets the file id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the file path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets the status: <c>loaded</c>, <c>missing</c>, <c>failed</c> or <c>truncated</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the error, if any.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
