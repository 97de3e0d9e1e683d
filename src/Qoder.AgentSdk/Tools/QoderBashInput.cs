using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Bash tool. Read it with <c>request.InputAs&lt;QoderBashInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderBashInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Bash";

    /// <summary>Gets the command line.</summary>
    [JsonPropertyName("command")]
    public required string Command { get; init; }

    /// <summary>Gets the timeout in milliseconds.</summary>
    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }

    /// <summary>Gets what the command does, in a few words.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets whether the command runs in the background.</summary>
    [JsonPropertyName("run_in_background")]
    public bool? RunInBackground { get; init; }
}
