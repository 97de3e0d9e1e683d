using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>A position in a plugin file.</summary>
public sealed record QoderPluginTextPosition
{
    /// <summary>Gets the line.</summary>
    [JsonPropertyName("line")]
    public int Line { get; init; }

    /// <summary>Gets the character within the line.</summary>
    [JsonPropertyName("character")]
    public int Character { get; init; }
}
