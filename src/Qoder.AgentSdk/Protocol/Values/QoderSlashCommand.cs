using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A slash command the session offers, as the CLI lists it.</summary>
public sealed record QoderSlashCommand
{
    /// <summary>Gets the command name, without the slash.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets what the command does.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the hint for its arguments, such as <c>[model]</c>; empty when it takes none.</summary>
    [JsonPropertyName("argumentHint")]
    public string ArgumentHint { get; init; } = string.Empty;
}
