using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// A saved BYOK configuration, without its secrets (<c>list_byok_configs</c>): either a model of the server catalog
/// (<see cref="Key"/> set) or a user-scope custom provider (<see cref="ProviderId"/> set).
/// </summary>
public sealed record QoderByokConfigInfo
{
    /// <summary>Gets the storage key of a catalog model; <see langword="null"/> for a custom provider.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>Gets the identifier of a custom provider; <see langword="null"/> for a catalog model.</summary>
    [JsonPropertyName("providerId")]
    public string? ProviderId { get; init; }

    /// <summary>Gets a value indicating whether this is a custom provider.</summary>
    [JsonIgnore]
    public bool IsCustomProvider => ProviderId is not null;

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets the catalog provider of a model.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>Gets the model identifier of a catalog model.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the model group of a catalog model.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the base URL.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; init; }

    /// <summary>Gets the wire format of a catalog model.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>Gets whether a catalog model takes images.</summary>
    [JsonPropertyName("vision")]
    public bool? Vision { get; init; }

    /// <summary>Gets whether a catalog model reasons.</summary>
    [JsonPropertyName("reasoning")]
    public bool? Reasoning { get; init; }

    /// <summary>Gets the input limit of a catalog model, in tokens.</summary>
    [JsonPropertyName("maxInputTokens")]
    public long? MaxInputTokens { get; init; }

    /// <summary>Gets the reasoning effort levels of a catalog model.</summary>
    [JsonPropertyName("reasoningEfforts")]
    public IReadOnlyList<string>? ReasoningEfforts { get; init; }

    /// <summary>Gets whether thinking can be switched off for a catalog model.</summary>
    [JsonPropertyName("supportsDisabledReasoning")]
    public bool? SupportsDisabledReasoning { get; init; }

    /// <summary>Gets the chosen reasoning effort of a catalog model.</summary>
    [JsonPropertyName("reasoningEffort")]
    public string? ReasoningEffort { get; init; }

    /// <summary>Gets the context windows a catalog model offers.</summary>
    [JsonPropertyName("availableContextWindows")]
    public IReadOnlyList<long>? AvailableContextWindows { get; init; }

    /// <summary>Gets the chosen context window of a catalog model.</summary>
    [JsonPropertyName("contextWindow")]
    public long? ContextWindow { get; init; }

    /// <summary>Gets the kind of a custom provider: <c>openai-compatible</c> or <c>alibaba</c>.</summary>
    [JsonPropertyName("providerType")]
    public string? ProviderType { get; init; }

    /// <summary>Gets the protocol of a custom provider: <c>openai</c>, <c>openai-responses</c> or <c>anthropic</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>Gets how a custom provider authenticates: <c>bearer</c> or <c>api-key</c>.</summary>
    [JsonPropertyName("authType")]
    public string? AuthType { get; init; }

    /// <summary>Gets the default model of a custom provider.</summary>
    [JsonPropertyName("defaultModelId")]
    public string? DefaultModelId { get; init; }

    /// <summary>Gets the models of a custom provider.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<QoderByokCustomModelInfo>? Models { get; init; }
}
