using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/model_queue_status</c>: the model is at capacity and the request waits in a queue, or is ready again.</summary>
public sealed record ModelQueueStatusMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>model_queue_status</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "model_queue_status";

    /// <summary>Gets the status: <c>queued</c> or <c>ready</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the model request.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>Gets the turn's request set.</summary>
    [JsonPropertyName("request_set_id")]
    public string RequestSetId { get; init; } = string.Empty;

    /// <summary>Gets the model.</summary>
    [JsonPropertyName("model_key")]
    public string ModelKey { get; init; } = string.Empty;

    /// <summary>Gets the queue type.</summary>
    [JsonPropertyName("queue_type")]
    public string? QueueType { get; init; }

    /// <summary>Gets the requests ahead.</summary>
    [JsonPropertyName("queue_count")]
    public int? QueueCount { get; init; }

    /// <summary>Gets the expected wait in milliseconds.</summary>
    [JsonPropertyName("wait_time_ms")]
    public long? WaitTimeMs { get; init; }

    /// <summary>Gets the time waited so far in milliseconds.</summary>
    [JsonPropertyName("queue_wait_elapsed_ms")]
    public long? QueueWaitElapsedMs { get; init; }

    /// <summary>Gets the longest wait in milliseconds.</summary>
    [JsonPropertyName("queue_max_wait_ms")]
    public long? QueueMaxWaitMs { get; init; }

    /// <summary>Gets a value indicating whether the service is available.</summary>
    [JsonPropertyName("service_available")]
    public bool? ServiceAvailable { get; init; }
}
