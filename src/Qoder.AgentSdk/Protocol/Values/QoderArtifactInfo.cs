using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A file the session changed or presented (<c>artifacts_update</c>).</summary>
public sealed record QoderArtifactInfo
{
    /// <summary>Gets the kind: <c>changed</c> or <c>presented</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = string.Empty;

    /// <summary>Gets the absolute path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = string.Empty;

    /// <summary>Gets the path to show.</summary>
    [JsonPropertyName("display_path")]
    public string DisplayPath { get; init; } = string.Empty;

    /// <summary>Gets the file name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the group, if any.</summary>
    [JsonPropertyName("group")]
    public QoderArtifactGroup? Group { get; init; }

    /// <summary>Gets the path relative to the working directory.</summary>
    [JsonPropertyName("relative_path")]
    public string? RelativePath { get; init; }

    /// <summary>Gets the size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>Gets the media type.</summary>
    [JsonPropertyName("mime")]
    public string? Mime { get; init; }

    /// <summary>Gets the modification time in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("mtime")]
    public double? ModifiedAt { get; init; }

    /// <summary>Gets the lines added (changed files).</summary>
    [JsonPropertyName("additions")]
    public int? Additions { get; init; }

    /// <summary>Gets the lines removed (changed files).</summary>
    [JsonPropertyName("deletions")]
    public int? Deletions { get; init; }

    /// <summary>Gets a value indicating whether the file is new (changed files).</summary>
    [JsonPropertyName("is_new")]
    public bool? IsNew { get; init; }
}
