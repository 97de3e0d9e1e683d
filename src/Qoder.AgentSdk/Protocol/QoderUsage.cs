using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Token usage of a model message or of a whole turn.</summary>
public sealed record QoderUsage
{
    /// <summary>Gets the input tokens.</summary>
    [JsonPropertyName("input_tokens")]
    public long? InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    [JsonPropertyName("output_tokens")]
    public long? OutputTokens { get; init; }

    /// <summary>Gets the input tokens written to the prompt cache.</summary>
    [JsonPropertyName("cache_creation_input_tokens")]
    public long? CacheCreationInputTokens { get; init; }

    /// <summary>Gets the input tokens read from the prompt cache.</summary>
    [JsonPropertyName("cache_read_input_tokens")]
    public long? CacheReadInputTokens { get; init; }

    /// <summary>Gets the service tier, if reported.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>Gets the prompt-cache writes by lifetime (<c>ephemeral_5m_input_tokens</c>, <c>ephemeral_1h_input_tokens</c>).</summary>
    [JsonPropertyName("cache_creation")]
    public IReadOnlyDictionary<string, long?>? CacheCreation { get; init; }

    /// <summary>Gets the server-side tool calls (<c>web_search_requests</c>, <c>web_fetch_requests</c>).</summary>
    [JsonPropertyName("server_tool_use")]
    public IReadOnlyDictionary<string, long?>? ServerToolUse { get; init; }

    /// <summary>Gets where inference ran, if reported.</summary>
    [JsonPropertyName("inference_geo")]
    public string? InferenceGeo { get; init; }

    /// <summary>Gets the speed tier, if reported.</summary>
    [JsonPropertyName("speed")]
    public string? Speed { get; init; }

    /// <summary>Gets the model request id, for tracing.</summary>
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary>Gets how full the context window was after the turn, 0 to 1.</summary>
    [JsonPropertyName("context_usage_ratio")]
    public double? ContextUsageRatio { get; init; }

    /// <summary>Gets the credits after discounts.</summary>
    [JsonPropertyName("credits")]
    public double? Credits { get; init; }

    /// <summary>Gets the credits before discounts.</summary>
    [JsonPropertyName("original_credits")]
    public double? OriginalCredits { get; init; }

    /// <summary>Gets a value indicating whether the request counts towards the bill.</summary>
    [JsonPropertyName("billable")]
    public bool? Billable { get; init; }

    /// <summary>Gets the fields this client has no property for (<c>iterations</c>, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
