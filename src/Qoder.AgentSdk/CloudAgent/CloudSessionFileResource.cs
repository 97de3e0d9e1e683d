using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>An uploaded file mounted into a Cloud session.</summary>
public sealed record CloudSessionFileResource
{
    /// <summary>Gets the resource type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "file";

    /// <summary>Gets the id of the uploaded file.</summary>
    [JsonPropertyName("file_id")]
    public required string FileId { get; init; }

    /// <summary>Gets the mount path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }
}
