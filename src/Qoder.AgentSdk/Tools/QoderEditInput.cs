using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Edit tool. Read it with <c>request.InputAs&lt;QoderEditInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderEditInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Edit";

    /// <summary>Gets the absolute path of the file.</summary>
    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    /// <summary>Gets the text to replace.</summary>
    [JsonPropertyName("old_string")]
    public required string OldString { get; init; }

    /// <summary>Gets the replacement.</summary>
    [JsonPropertyName("new_string")]
    public required string NewString { get; init; }

    /// <summary>Gets whether every occurrence is replaced.</summary>
    [JsonPropertyName("replace_all")]
    public bool? ReplaceAll { get; init; }
}
