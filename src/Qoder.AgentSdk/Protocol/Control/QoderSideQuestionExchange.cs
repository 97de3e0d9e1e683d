using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>An earlier side question and its answer, given as context to the next.</summary>
public sealed record QoderSideQuestionExchange
{
    /// <summary>Gets the question.</summary>
    [JsonPropertyName("question")]
    public string Question { get; init; } = string.Empty;

    /// <summary>Gets the answer.</summary>
    [JsonPropertyName("response")]
    public string Response { get; init; } = string.Empty;

    /// <summary>Gets the notice that a fallback model answered.</summary>
    [JsonPropertyName("fallback_notice")]
    public string? FallbackNotice { get; init; }
}
