using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>How a model thinks: whether thinking may be turned off, and the efforts when it is on.</summary>
public sealed record QoderModelThinkingConfig
{
    /// <summary>Gets the setting with thinking off, when the model allows it.</summary>
    [JsonPropertyName("disabled")]
    public QoderModelThinkingOption? Disabled { get; init; }

    /// <summary>Gets the setting with thinking on, with its effort levels.</summary>
    [JsonPropertyName("enabled")]
    public QoderModelThinkingOption? Enabled { get; init; }
}
