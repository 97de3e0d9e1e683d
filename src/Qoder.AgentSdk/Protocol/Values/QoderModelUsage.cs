using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The usage of one model over the session (an entry of <see cref="ResultMessage.ModelUsage"/>).</summary>
public sealed record QoderModelUsage
{
    /// <summary>Gets the input tokens.</summary>
    [JsonPropertyName("inputTokens")]
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    [JsonPropertyName("outputTokens")]
    public long OutputTokens { get; init; }

    /// <summary>Gets the input tokens read from the prompt cache.</summary>
    [JsonPropertyName("cacheReadInputTokens")]
    public long CacheReadInputTokens { get; init; }

    /// <summary>Gets the input tokens written to the prompt cache.</summary>
    [JsonPropertyName("cacheCreationInputTokens")]
    public long CacheCreationInputTokens { get; init; }

    /// <summary>Gets the web searches.</summary>
    [JsonPropertyName("webSearchRequests")]
    public long WebSearchRequests { get; init; }

    /// <summary>Gets the cost in US dollars.</summary>
    [JsonPropertyName("costUSD")]
    public double CostUsd { get; init; }

    /// <summary>Gets the credits, when the CLI reports them.</summary>
    [JsonPropertyName("credits")]
    public double? Credits { get; init; }

    /// <summary>Gets the model's context window.</summary>
    [JsonPropertyName("contextWindow")]
    public long ContextWindow { get; init; }

    /// <summary>Gets the model's largest output.</summary>
    [JsonPropertyName("maxOutputTokens")]
    public long MaxOutputTokens { get; init; }
}
