using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>A span of a plugin file.</summary>
public sealed record QoderPluginTextRange
{
    /// <summary>Gets where it starts.</summary>
    [JsonPropertyName("start")]
    public QoderPluginTextPosition Start { get; init; } = new();

    /// <summary>Gets where it ends.</summary>
    [JsonPropertyName("end")]
    public QoderPluginTextPosition End { get; init; } = new();
}
