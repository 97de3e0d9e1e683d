using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A file upload that was persisted.</summary>
public sealed record QoderPersistedFile
{
    /// <summary>Gets the file name.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = string.Empty;

    /// <summary>Gets the file id.</summary>
    [JsonPropertyName("file_id")]
    public string FileId { get; init; } = string.Empty;
}
