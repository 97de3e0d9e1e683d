using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/api_retry</c>: the CLI retries a model request.</summary>
public sealed record ApiRetryMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>api_retry</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "api_retry";

    /// <summary>Gets the attempt number.</summary>
    [JsonPropertyName("attempt")]
    public int Attempt { get; init; }

    /// <summary>Gets the most attempts the CLI makes.</summary>
    [JsonPropertyName("max_retries")]
    public int MaxRetries { get; init; }

    /// <summary>Gets the delay before the retry, in milliseconds.</summary>
    [JsonPropertyName("retry_delay_ms")]
    public long RetryDelayMs { get; init; }

    /// <summary>Gets the HTTP status of the failure, if any.</summary>
    [JsonPropertyName("error_status")]
    public int? ErrorStatus { get; init; }

    /// <summary>Gets the error kind, such as <c>rate_limit</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
