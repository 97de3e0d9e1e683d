using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/background_tasks_changed</c>: every live background task now (replace, do not merge).</summary>
public sealed record BackgroundTasksChangedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>background_tasks_changed</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "background_tasks_changed";

    /// <summary>Gets the live background tasks.</summary>
    [JsonPropertyName("tasks")]
    public IReadOnlyList<QoderBackgroundTask> Tasks { get; init; } = [];
}
