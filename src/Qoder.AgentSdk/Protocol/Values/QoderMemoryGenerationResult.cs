using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The outcome of one memory generation.</summary>
public sealed record QoderMemoryGenerationResult
{
    /// <summary>Gets the status: <c>saved</c>, <c>partial</c>, <c>no_change</c>, <c>skipped</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the attempt id.</summary>
    [JsonPropertyName("attemptId")]
    public string AttemptId { get; init; } = string.Empty;

    /// <summary>Gets the reason, when the CLI gives one.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Gets what started it: <c>main_session</c>, <c>turn_complete</c> or <c>dream</c>.</summary>
    [JsonPropertyName("origin")]
    public string Origin { get; init; } = string.Empty;

    /// <summary>Gets the model requests the memory came from.</summary>
    [JsonPropertyName("sourceRequestIds")]
    public IReadOnlyList<string>? SourceRequestIds { get; init; }

    /// <summary>Gets the model requests of the generation.</summary>
    [JsonPropertyName("modelRequestIds")]
    public IReadOnlyList<string>? ModelRequestIds { get; init; }

    /// <summary>Gets the files written.</summary>
    [JsonPropertyName("writtenFiles")]
    public IReadOnlyList<QoderMemoryFile> WrittenFiles { get; init; } = [];

    /// <summary>Gets the files not written.</summary>
    [JsonPropertyName("failedFiles")]
    public IReadOnlyList<QoderMemoryFileFailure> FailedFiles { get; init; } = [];

    /// <summary>Gets a value indicating whether an index file changed.</summary>
    [JsonPropertyName("indexUpdated")]
    public bool? IndexUpdated { get; init; }

    /// <summary>Gets a value indicating whether a content file changed.</summary>
    [JsonPropertyName("contentUpdated")]
    public bool? ContentUpdated { get; init; }

    /// <summary>Gets the duration in milliseconds.</summary>
    [JsonPropertyName("durationMs")]
    public long DurationMs { get; init; }

    /// <summary>Gets the token usage.</summary>
    [JsonPropertyName("usage")]
    public QoderUsage? Usage { get; init; }

    /// <summary>Gets the credits, when known.</summary>
    [JsonPropertyName("credits")]
    public double? Credits { get; init; }
}
