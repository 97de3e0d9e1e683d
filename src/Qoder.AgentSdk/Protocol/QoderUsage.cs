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

    /// <summary>Gets the fields this client has no property for (cache_creation, server_tool_use, credits, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
