using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A task was completed (<see cref="QoderHookEvent.TaskCompleted"/>).</summary>
public sealed class QoderTaskCompletedHookInput : QoderHookInput
{
    internal QoderTaskCompletedHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        TaskId = HookJson.String(raw, "task_id") ?? string.Empty;
        TaskSubject = HookJson.String(raw, "task_subject") ?? string.Empty;
        TaskDescription = HookJson.String(raw, "task_description");
        TeammateName = HookJson.String(raw, "teammate_name");
        TeamName = HookJson.String(raw, "team_name");
    }

    /// <summary>Gets the task.</summary>
    public string TaskId { get; }

    /// <summary>Gets its title.</summary>
    public string TaskSubject { get; }

    /// <summary>Gets its description.</summary>
    public string? TaskDescription { get; }

    /// <summary>Gets the teammate.</summary>
    public string? TeammateName { get; }

    /// <summary>Gets the team.</summary>
    public string? TeamName { get; }
}
