using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>rewind</c> (<c>session_rewind_v1</c>).</summary>
public sealed record QoderRewindResult
{
    /// <summary>Gets the status: <c>ready</c> (dry run), <c>success</c>, <c>partial</c> (files failed) or <c>rejected</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the user message rewound to.</summary>
    [JsonPropertyName("targetUserMessageId")]
    public string TargetUserMessageId { get; init; } = string.Empty;

    /// <summary>Gets what was rewound: <c>conversation</c>, <c>files</c> or <c>both</c>.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = string.Empty;

    /// <summary>Gets the last message kept.</summary>
    [JsonPropertyName("retainedLeafId")]
    public string? RetainedLeafId { get; init; }

    /// <summary>Gets the messages removed.</summary>
    [JsonPropertyName("removedMessageIds")]
    public IReadOnlyList<string>? RemovedMessageIds { get; init; }

    /// <summary>Gets the files restored.</summary>
    [JsonPropertyName("filesChanged")]
    public IReadOnlyList<string>? FilesChanged { get; init; }

    /// <summary>Gets the lines inserted by the restore.</summary>
    [JsonPropertyName("insertions")]
    public int? Insertions { get; init; }

    /// <summary>Gets the lines deleted by the restore.</summary>
    [JsonPropertyName("deletions")]
    public int? Deletions { get; init; }

    /// <summary>Gets the files not restored.</summary>
    [JsonPropertyName("failedFiles")]
    public IReadOnlyList<QoderRewindFileFailure>? FailedFiles { get; init; }

    /// <summary>Gets why the rewind was rejected.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
