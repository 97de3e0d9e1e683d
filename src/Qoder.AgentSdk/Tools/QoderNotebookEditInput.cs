using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the NotebookEdit tool. Read it with <c>request.InputAs&lt;QoderNotebookEditInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderNotebookEditInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "NotebookEdit";

    /// <summary>Gets the absolute path of the notebook.</summary>
    [JsonPropertyName("notebook_path")]
    public required string NotebookPath { get; init; }

    /// <summary>Gets the cell to edit.</summary>
    [JsonPropertyName("cell_id")]
    public string? CellId { get; init; }

    /// <summary>Gets <c>code</c> or <c>markdown</c>.</summary>
    [JsonPropertyName("cell_type")]
    public string? CellType { get; init; }

    /// <summary>Gets the new source of the cell.</summary>
    [JsonPropertyName("new_source")]
    public required string NewSource { get; init; }

    /// <summary>Gets <c>replace</c>, <c>insert</c> or <c>delete</c>.</summary>
    [JsonPropertyName("edit_mode")]
    public string? EditMode { get; init; }
}
