using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A model of a saved custom BYOK provider.</summary>
public sealed record QoderByokCustomModelInfo
{
    /// <summary>Gets the model identifier.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets whether the model takes images.</summary>
    [JsonPropertyName("vision")]
    public bool Vision { get; init; }

    /// <summary>Gets whether the model reasons.</summary>
    [JsonPropertyName("reasoning")]
    public bool Reasoning { get; init; }

    /// <summary>Gets the input limit in tokens.</summary>
    [JsonPropertyName("maxInputTokens")]
    public long MaxInputTokens { get; init; }

    /// <summary>Gets the output limit in tokens.</summary>
    [JsonPropertyName("maxOutputTokens")]
    public long MaxOutputTokens { get; init; }

    /// <summary>Gets the reasoning effort levels, when listed.</summary>
    [JsonPropertyName("reasoningEfforts")]
    public IReadOnlyList<string>? ReasoningEfforts { get; init; }
}
