using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>rewind_files</c> (needs <c>EnableFileCheckpointing</c>).</summary>
public sealed record QoderRewindFilesResult
{
    /// <summary>Gets a value indicating whether the files can be (or were) restored.</summary>
    [JsonPropertyName("canRewind")]
    public bool CanRewind { get; init; }

    /// <summary>Gets why not.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets the files restored (or that would be).</summary>
    [JsonPropertyName("filesChanged")]
    public IReadOnlyList<string>? FilesChanged { get; init; }

    /// <summary>Gets the lines inserted.</summary>
    [JsonPropertyName("insertions")]
    public int? Insertions { get; init; }

    /// <summary>Gets the lines deleted.</summary>
    [JsonPropertyName("deletions")]
    public int? Deletions { get; init; }
}
