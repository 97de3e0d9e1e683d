using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Glob tool. Read it with <c>request.InputAs&lt;QoderGlobInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderGlobInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Glob";

    /// <summary>Gets the glob pattern.</summary>
    [JsonPropertyName("pattern")]
    public required string Pattern { get; init; }

    /// <summary>Gets the folder to search; the working directory by default.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }
}
