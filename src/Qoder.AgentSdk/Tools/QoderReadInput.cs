using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Read tool. Read it with <c>request.InputAs&lt;QoderReadInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderReadInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Read";

    /// <summary>Gets the absolute path of the file.</summary>
    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    /// <summary>Gets the first line to read (1-based).</summary>
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    /// <summary>Gets the most lines to read.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary>Gets the PDF pages to read, such as <c>1-3</c>.</summary>
    [JsonPropertyName("pages")]
    public string? Pages { get; init; }
}
