using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A model a BYOK provider offers.</summary>
public sealed record QoderByokModel
{
    /// <summary>Gets the model identifier.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets whether the model takes images.</summary>
    [JsonPropertyName("is_vl")]
    public bool Vision { get; init; }

    /// <summary>Gets whether the model reasons.</summary>
    [JsonPropertyName("is_reasoning")]
    public bool Reasoning { get; init; }

    /// <summary>Gets the wire format, such as <c>openai</c>.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>Gets the input limit in tokens.</summary>
    [JsonPropertyName("max_input_tokens")]
    public long MaxInputTokens { get; init; }

    /// <summary>Gets the reasoning effort levels the model supports, when listed.</summary>
    [JsonPropertyName("efforts")]
    public IReadOnlyList<string>? Efforts { get; init; }

    /// <summary>Gets whether thinking can be switched off, when the server says.</summary>
    [JsonPropertyName("supports_disabled")]
    public bool? SupportsDisabledThinking { get; init; }
}
