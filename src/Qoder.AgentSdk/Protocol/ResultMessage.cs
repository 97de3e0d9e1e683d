using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The end of a turn. A failed run is a result too (<see cref="IsError"/>), not an exception, as in the official SDKs.</summary>
public sealed record ResultMessage : QoderMessage
{
    /// <summary>Gets the subtype: <c>success</c>, <c>error_during_execution</c>, <c>error_max_turns</c>, …</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = string.Empty;

    /// <summary>Gets the tool call of the subagent whose run this result ends, or <see langword="null"/> for the main turn.</summary>
    [JsonPropertyName("parent_tool_use_id")]
    public string? ParentToolUseId { get; init; }

    /// <summary>Gets a value indicating whether the turn failed (a <c>success</c> result can be an error too).</summary>
    [JsonPropertyName("is_error")]
    public bool IsError { get; init; }

    /// <summary>Gets the wall time of the turn in milliseconds.</summary>
    [JsonPropertyName("duration_ms")]
    public long DurationMs { get; init; }

    /// <summary>Gets the time spent in model calls in milliseconds.</summary>
    [JsonPropertyName("duration_api_ms")]
    public long DurationApiMs { get; init; }

    /// <summary>Gets the number of model calls in the turn.</summary>
    [JsonPropertyName("num_turns")]
    public int NumTurns { get; init; }

    /// <summary>Gets the final text (may be empty; the assistant messages carry the text).</summary>
    [JsonPropertyName("result")]
    public string? Result { get; init; }

    /// <summary>Gets why the model stopped.</summary>
    [JsonPropertyName("stop_reason")]
    public string? StopReason { get; init; }

    /// <summary>Gets the cost in US dollars.</summary>
    [JsonPropertyName("total_cost_usd")]
    public double TotalCostUsd { get; init; }

    /// <summary>Gets the credits used.</summary>
    [JsonPropertyName("total_credits")]
    public double? TotalCredits { get; init; }

    /// <summary>Gets the token usage of the turn.</summary>
    [JsonPropertyName("usage")]
    public QoderUsage? Usage { get; init; }

    /// <summary>Gets the usage per model, keyed by model name.</summary>
    [JsonPropertyName("modelUsage")]
    public IReadOnlyDictionary<string, QoderModelUsage>? ModelUsage { get; init; }

    /// <summary>Gets the tool calls denied during the turn.</summary>
    [JsonPropertyName("permission_denials")]
    public IReadOnlyList<PermissionDenial> PermissionDenials { get; init; } = [];

    /// <summary>Gets the errors of a failed turn.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<string>? Errors { get; init; }

    /// <summary>Gets the CLI's error code (a number or a string), if any.</summary>
    [JsonPropertyName("error_code")]
    public JsonElement? ErrorCode { get; init; }

    /// <summary>Gets why the session or turn ended, such as <c>aborted_tools</c> or <c>access_token_invalid</c>.</summary>
    [JsonPropertyName("terminal_reason")]
    public string? TerminalReason { get; init; }

    /// <summary>Gets the structured output, when one was requested.</summary>
    [JsonPropertyName("structured_output")]
    public JsonElement? StructuredOutput { get; init; }
}
