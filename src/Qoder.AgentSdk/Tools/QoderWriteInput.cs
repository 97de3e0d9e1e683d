using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Write tool. Read it with <c>request.InputAs&lt;QoderWriteInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderWriteInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Write";

    /// <summary>Gets the absolute path of the file.</summary>
    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    /// <summary>Gets the whole new content.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }
}
