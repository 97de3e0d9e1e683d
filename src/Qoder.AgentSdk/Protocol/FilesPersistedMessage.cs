using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/files_persisted</c>: file uploads were persisted.</summary>
public sealed record FilesPersistedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>files_persisted</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "files_persisted";

    /// <summary>Gets the files persisted.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyList<QoderPersistedFile> Files { get; init; } = [];

    /// <summary>Gets the files that failed.</summary>
    [JsonPropertyName("failed")]
    public IReadOnlyList<QoderFilePersistFailure> Failed { get; init; } = [];

    /// <summary>Gets when, as an ISO 8601 time.</summary>
    [JsonPropertyName("processed_at")]
    public string? ProcessedAt { get; init; }
}
