using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/commands_changed</c>: the slash commands now (replace, do not merge).</summary>
public sealed record CommandsChangedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>commands_changed</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "commands_changed";

    /// <summary>Gets the commands.</summary>
    [JsonPropertyName("commands")]
    public IReadOnlyList<QoderSlashCommand> Commands { get; init; } = [];
}
