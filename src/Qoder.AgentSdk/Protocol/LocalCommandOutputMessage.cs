using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/local_command_output</c>: the output of a local slash command (sent by the CLI, not in the official SDK's types).</summary>
public sealed record LocalCommandOutputMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>local_command_output</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "local_command_output";

    /// <summary>Gets the output.</summary>
    [JsonPropertyName("content")]
    public string Content { get; init; } = string.Empty;
}
