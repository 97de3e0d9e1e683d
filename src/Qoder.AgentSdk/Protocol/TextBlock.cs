using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Text written by the model or the user.</summary>
public sealed record TextBlock : ContentBlock
{
    /// <summary>Gets the text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;
}
