using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A model of the server's BYOK catalog to save or check, with its credentials in <see cref="Parameters"/>.</summary>
public sealed record QoderByokModelConfig
{
    /// <summary>Gets the catalog provider, such as <c>deepseek</c>.</summary>
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    /// <summary>Gets the catalog model identifier.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>Gets the provider's fields by key (such as <c>api_key</c>).</summary>
    [JsonPropertyName("parameters")]
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Gets the storage key to use; the CLI chooses one when <see langword="null"/>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the model group.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets a base URL replacing the provider's.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; init; }

    /// <summary>Gets the wire format.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>Gets the reasoning effort.</summary>
    [JsonPropertyName("reasoningEffort")]
    public string? ReasoningEffort { get; init; }

    /// <summary>Gets the context window, in tokens.</summary>
    [JsonPropertyName("contextWindow")]
    public long? ContextWindow { get; init; }

    /// <summary>Keeps the credentials out of logs and exception messages.</summary>
    /// <returns>The record without its parameters.</returns>
    public override string ToString() => $"{nameof(QoderByokModelConfig)} {{ Provider = {Provider}, Model = {Model}, Key = {Key} }}";
}
