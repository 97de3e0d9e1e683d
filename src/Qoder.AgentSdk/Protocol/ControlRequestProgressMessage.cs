using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/control_request_progress</c>: progress of a side question (<c>AskSideQuestionAsync</c>).</summary>
public sealed record ControlRequestProgressMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>control_request_progress</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "control_request_progress";

    /// <summary>Gets the control request it reports on.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>Gets the status: <c>started</c> or <c>api_retry</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the retry attempt.</summary>
    [JsonPropertyName("attempt")]
    public int? Attempt { get; init; }

    /// <summary>Gets the retry limit.</summary>
    [JsonPropertyName("max_retries")]
    public int? MaxRetries { get; init; }

    /// <summary>Gets the delay before the retry in milliseconds.</summary>
    [JsonPropertyName("retry_delay_ms")]
    public long? RetryDelayMs { get; init; }

    /// <summary>Gets the HTTP status of the failed attempt.</summary>
    [JsonPropertyName("error_status")]
    public int? ErrorStatus { get; init; }
}
