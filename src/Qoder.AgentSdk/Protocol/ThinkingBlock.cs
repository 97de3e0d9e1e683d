using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The model's visible reasoning.</summary>
public sealed record ThinkingBlock : ContentBlock
{
    /// <summary>Gets the reasoning text.</summary>
    [JsonPropertyName("thinking")]
    public string Thinking { get; init; } = string.Empty;

    /// <summary>Gets the signature that vouches for the reasoning.</summary>
    [JsonPropertyName("signature")]
    public string? Signature { get; init; }
}
