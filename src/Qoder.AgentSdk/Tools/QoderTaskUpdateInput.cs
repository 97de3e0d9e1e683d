using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the TaskUpdate tool. Read it with <c>request.InputAs&lt;QoderTaskUpdateInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderTaskUpdateInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "TaskUpdate";

    /// <summary>Gets the task.</summary>
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>Gets a new title.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>Gets a new description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets a new running title.</summary>
    [JsonPropertyName("activeForm")]
    public string? ActiveForm { get; init; }

    /// <summary>Gets <c>pending</c>, <c>in_progress</c>, <c>completed</c> or <c>deleted</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets tasks this one now blocks.</summary>
    [JsonPropertyName("addBlocks")]
    public IReadOnlyList<string>? AddBlocks { get; init; }

    /// <summary>Gets tasks that now block this one.</summary>
    [JsonPropertyName("addBlockedBy")]
    public IReadOnlyList<string>? AddBlockedBy { get; init; }

    /// <summary>Gets a new owner.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    /// <summary>Gets free-form metadata.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }
}
