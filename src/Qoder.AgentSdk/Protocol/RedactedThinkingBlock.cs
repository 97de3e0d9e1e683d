using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Reasoning the model returned in encrypted form.</summary>
public sealed record RedactedThinkingBlock : ContentBlock
{
    /// <summary>Gets the opaque data.</summary>
    [JsonPropertyName("data")]
    public string Data { get; init; } = string.Empty;
}
