using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One model of the catalog (<c>get_models</c>, <c>initialize</c>, <c>available_models_update</c>). Fields the server adds later stay in <see cref="ExtensionData"/>.</summary>
public sealed record QoderModelInfo
{
    /// <summary>Gets the value to pass to <c>SetModelAsync</c>.</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = string.Empty;

    /// <summary>Gets the canonical model id (equal to <see cref="Value"/> for system models).</summary>
    [JsonPropertyName("modelId")]
    public string? ModelId { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets where the model comes from: <c>system</c>, <c>user</c> (BYOK), <c>organization</c> or <c>custom</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the server marks it as the default.</summary>
    [JsonPropertyName("isDefault")]
    public bool? IsDefault { get; init; }

    /// <summary>Gets a value indicating whether the model can be used.</summary>
    [JsonPropertyName("isEnabled")]
    public bool? IsEnabled { get; init; }

    /// <summary>Gets a value indicating whether the model is new.</summary>
    [JsonPropertyName("isNew")]
    public bool? IsNew { get; init; }

    /// <summary>Gets a value indicating whether the model is free.</summary>
    [JsonPropertyName("isFree")]
    public bool? IsFree { get; init; }

    /// <summary>Gets a value indicating whether the model reasons.</summary>
    [JsonPropertyName("isReasoning")]
    public bool? IsReasoning { get; init; }

    /// <summary>Gets a value indicating whether the model accepts images.</summary>
    [JsonPropertyName("isVl")]
    public bool? IsVision { get; init; }

    /// <summary>Gets the credit multiplier.</summary>
    [JsonPropertyName("priceFactor")]
    public double? PriceFactor { get; init; }

    /// <summary>Gets the credit multiplier before discounts.</summary>
    [JsonPropertyName("originalPriceFactor")]
    public double? OriginalPriceFactor { get; init; }

    /// <summary>Gets the largest input in tokens.</summary>
    [JsonPropertyName("maxInputTokens")]
    public long? MaxInputTokens { get; init; }

    /// <summary>Gets the largest output in tokens.</summary>
    [JsonPropertyName("maxOutputTokens")]
    public long? MaxOutputTokens { get; init; }

    /// <summary>Gets the reasoning effort levels.</summary>
    [JsonPropertyName("efforts")]
    public IReadOnlyList<string>? Efforts { get; init; }

    /// <summary>Gets the default reasoning effort.</summary>
    [JsonPropertyName("defaultEffort")]
    public string? DefaultEffort { get; init; }

    /// <summary>Gets a value indicating whether thinking can be turned off.</summary>
    [JsonPropertyName("supportsDisabled")]
    public bool? SupportsDisabledThinking { get; init; }

    /// <summary>Gets the context window sizes in tokens.</summary>
    [JsonPropertyName("availableContextWindows")]
    public IReadOnlyList<long>? AvailableContextWindows { get; init; }

    /// <summary>Gets the default context window size.</summary>
    [JsonPropertyName("defaultContextWindow")]
    public long? DefaultContextWindow { get; init; }

    /// <summary>Gets free-form tags such as <c>limited_time_free</c>.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Gets the output format, such as <c>openai</c>.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>Gets the usage scene, such as <c>chat</c>.</summary>
    [JsonPropertyName("scene")]
    public string? Scene { get; init; }

    /// <summary>Gets the server list the entry came from.</summary>
    [JsonPropertyName("serverScene")]
    public string? ServerScene { get; init; }

    /// <summary>Gets the icon (a URL, an emoji or a provider id).</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; init; }

    /// <summary>Gets the endpoint of a BYOK model.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the provider's model id of a BYOK model.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the provider of a BYOK model.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>Gets the context windows keyed by tier label such as <c>200K</c>.</summary>
    [JsonPropertyName("context_config")]
    public IReadOnlyDictionary<string, QoderModelContextWindow>? ContextConfig { get; init; }

    /// <summary>Gets the thinking settings and effort levels.</summary>
    [JsonPropertyName("thinking_config")]
    public QoderModelThinkingConfig? ThinkingConfig { get; init; }

    /// <summary>Gets the security-tag strategies, as the server sends them.</summary>
    [JsonPropertyName("strategies")]
    public JsonElement? Strategies { get; init; }

    /// <summary>Gets the running promotion, as the server sends it.</summary>
    [JsonPropertyName("promotion")]
    public JsonElement? Promotion { get; init; }

    /// <summary>Gets the raw server entry.</summary>
    [JsonPropertyName("serverModel")]
    public JsonElement? ServerModel { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
