using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The outcome of one skill evolution review.</summary>
public sealed record QoderSkillEvolutionResult
{
    /// <summary>Gets the status: <c>suggested</c>, <c>no_change</c>, <c>skipped</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the attempt id.</summary>
    [JsonPropertyName("attemptId")]
    public string AttemptId { get; init; } = string.Empty;

    /// <summary>Gets the reason, when the CLI gives one.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Gets what started it (<c>turn_complete</c>).</summary>
    [JsonPropertyName("origin")]
    public string Origin { get; init; } = string.Empty;

    /// <summary>Gets the review score.</summary>
    [JsonPropertyName("reviewScore")]
    public double? ReviewScore { get; init; }

    /// <summary>Gets the model requests reviewed.</summary>
    [JsonPropertyName("sourceRequestIds")]
    public IReadOnlyList<string>? SourceRequestIds { get; init; }

    /// <summary>Gets the model requests of the review.</summary>
    [JsonPropertyName("modelRequestIds")]
    public IReadOnlyList<string>? ModelRequestIds { get; init; }

    /// <summary>Gets the suggestions.</summary>
    [JsonPropertyName("suggestions")]
    public IReadOnlyList<QoderSkillSuggestion> Suggestions { get; init; } = [];

    /// <summary>Gets the duration in milliseconds.</summary>
    [JsonPropertyName("durationMs")]
    public long DurationMs { get; init; }

    /// <summary>Gets the token usage.</summary>
    [JsonPropertyName("usage")]
    public QoderUsage? Usage { get; init; }
}
