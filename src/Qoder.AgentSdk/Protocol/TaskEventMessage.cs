using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/task_started</c>, <c>task_progress</c>, <c>task_updated</c> or <c>task_notification</c>: a subagent or background task.</summary>
public sealed record TaskEventMessage : QoderMessage
{
    /// <summary>Gets the subtype.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = string.Empty;

    /// <summary>Gets the task id.</summary>
    [JsonPropertyName("task_id")]
    public string TaskId { get; init; } = string.Empty;

    /// <summary>Gets the tool call that started the task, if any.</summary>
    [JsonPropertyName("tool_use_id")]
    public string? ToolUseId { get; init; }

    /// <summary>Gets the task description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the final status of a notification: <c>completed</c>, <c>failed</c> or <c>stopped</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the summary of a progress or notification message.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>Gets the changes of a <c>task_updated</c> message (merge semantics).</summary>
    [JsonPropertyName("patch")]
    public JsonElement? Patch { get; init; }

    /// <summary>Gets the subagent type of a started or progressing task.</summary>
    [JsonPropertyName("subagent_type")]
    public string? SubagentType { get; init; }

    /// <summary>Gets the task type of a started task.</summary>
    [JsonPropertyName("task_type")]
    public string? TaskType { get; init; }

    /// <summary>Gets the workflow of a started task.</summary>
    [JsonPropertyName("workflow_name")]
    public string? WorkflowName { get; init; }

    /// <summary>Gets the prompt of a started task.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>Gets the tools a started subagent may use.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>Gets the last tool a progressing task used.</summary>
    [JsonPropertyName("last_tool_name")]
    public string? LastToolName { get; init; }

    /// <summary>Gets the output file of a notification.</summary>
    [JsonPropertyName("output_file")]
    public string? OutputFile { get; init; }

    /// <summary>Gets the task's usage (<c>{total_tokens?, tool_uses, duration_ms}</c>), if reported.</summary>
    [JsonPropertyName("usage")]
    public JsonElement? Usage { get; init; }
}
