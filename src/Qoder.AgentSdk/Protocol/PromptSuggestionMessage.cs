using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A suggested next prompt.</summary>
public sealed record PromptSuggestionMessage : QoderMessage
{
    /// <summary>Gets the suggestion.</summary>
    [JsonPropertyName("suggestion")]
    public string Suggestion { get; init; } = string.Empty;
}
