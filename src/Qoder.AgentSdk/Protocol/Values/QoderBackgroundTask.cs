using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A live background task (<c>background_tasks_changed</c>).</summary>
public sealed record QoderBackgroundTask
{
    /// <summary>Gets the task id (pass it to <c>StopTaskAsync</c>).</summary>
    [JsonPropertyName("task_id")]
    public string TaskId { get; init; } = string.Empty;

    /// <summary>Gets the task type.</summary>
    [JsonPropertyName("task_type")]
    public string TaskType { get; init; } = string.Empty;

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;
}
