using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A file upload that could not be persisted.</summary>
public sealed record QoderFilePersistFailure
{
    /// <summary>Gets the file name.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = string.Empty;

    /// <summary>Gets the error.</summary>
    [JsonPropertyName("error")]
    public string Error { get; init; } = string.Empty;
}
