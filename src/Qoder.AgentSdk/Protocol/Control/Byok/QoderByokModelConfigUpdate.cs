using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A change to a saved catalog model configuration; properties left <see langword="null"/> stay as they are.</summary>
public sealed record QoderByokModelConfigUpdate
{
    /// <summary>Gets the storage key of the configuration to change.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>Gets new values of the provider's fields.</summary>
    [JsonPropertyName("parameters")]
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Gets the new display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the new base URL.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; init; }

    /// <summary>Gets the new wire format.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>Gets the new reasoning effort.</summary>
    [JsonPropertyName("reasoningEffort")]
    public string? ReasoningEffort { get; init; }

    /// <summary>Gets the new context window, in tokens.</summary>
    [JsonPropertyName("contextWindow")]
    public long? ContextWindow { get; init; }

    /// <summary>Keeps the credentials out of logs and exception messages.</summary>
    /// <returns>The record without its parameters.</returns>
    public override string ToString() => $"{nameof(QoderByokModelConfigUpdate)} {{ Key = {Key} }}";
}
