using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to a side question (<c>side_question_v1</c>).</summary>
public sealed record QoderSideQuestionAnswer
{
    /// <summary>Gets the answer; <see langword="null"/> when there is none.</summary>
    [JsonPropertyName("response")]
    public string? Response { get; init; }

    /// <summary>Gets a value indicating whether the CLI made the answer up itself (an error text, for example).</summary>
    [JsonPropertyName("synthetic")]
    public bool? Synthetic { get; init; }

    /// <summary>Gets the refusal fallback, when one answered.</summary>
    [JsonPropertyName("refusal_fallback")]
    public QoderSideQuestionRefusalFallback? RefusalFallback { get; init; }
}
