using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A side question the first model refused and a fallback model answered.</summary>
public sealed record QoderSideQuestionRefusalFallback
{
    /// <summary>Gets the model that refused.</summary>
    [JsonPropertyName("original_model")]
    public string OriginalModel { get; init; } = string.Empty;

    /// <summary>Gets the model that answered.</summary>
    [JsonPropertyName("fallback_model")]
    public string FallbackModel { get; init; } = string.Empty;

    /// <summary>Gets the refusal text.</summary>
    [JsonPropertyName("content")]
    public string Content { get; init; } = string.Empty;
}
