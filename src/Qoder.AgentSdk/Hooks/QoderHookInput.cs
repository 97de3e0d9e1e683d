using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>
/// What a hook callback is told (the <c>input</c> of <c>hook_callback</c>). Every event with its own fields arrives as a
/// derived type named after it (<see cref="QoderPreToolUseHookInput"/>, <see cref="QoderFileChangedHookInput"/>, …; the
/// per-event registrations such as <c>QoderHookCollection.OnPreToolUse</c> hand it over typed); Notification, which
/// has no documented fields, arrives as this base type. Every field, known or not, is also in <see cref="Raw"/>.
/// </summary>
public class QoderHookInput
{
    private protected QoderHookInput(JsonElement raw, string? envelopeToolUseId)
    {
        Raw = raw;
        EventName = HookJson.String(raw, "hook_event_name") ?? string.Empty;
        Event = QoderHookEventExtensions.ParseWireName(EventName);
        SessionId = HookJson.String(raw, "session_id");
        TranscriptPath = HookJson.String(raw, "transcript_path");
        Cwd = HookJson.String(raw, "cwd");
        PermissionMode = HookJson.String(raw, "permission_mode");
        Model = HookJson.String(raw, "model");
        AgentId = HookJson.String(raw, "agent_id");
        AgentType = HookJson.String(raw, "agent_type");
        ToolUseId = HookJson.String(raw, "tool_use_id") ?? envelopeToolUseId;
    }

    /// <summary>Gets the event, or <see langword="null"/> for an event this client does not know.</summary>
    public QoderHookEvent? Event { get; }

    /// <summary>Gets the event name as sent (<c>hook_event_name</c>).</summary>
    public string EventName { get; }

    /// <summary>Gets the session id.</summary>
    public string? SessionId { get; }

    /// <summary>Gets the transcript file, an absolute path on the CLI's machine.</summary>
    public string? TranscriptPath { get; }

    /// <summary>Gets the agent's working directory.</summary>
    public string? Cwd { get; }

    /// <summary>Gets the permission mode in the CLI's internal spelling (<c>default</c>, or <c>yolo</c> for bypass mode).</summary>
    public string? PermissionMode { get; }

    /// <summary>Gets the model, when the CLI sends it.</summary>
    public string? Model { get; }

    /// <summary>Gets the subagent id, when a subagent triggered the hook.</summary>
    public string? AgentId { get; }

    /// <summary>Gets the subagent type, when a subagent triggered the hook.</summary>
    public string? AgentType { get; }

    /// <summary>Gets the id of the <c>tool_use</c> block for tool events.</summary>
    public string? ToolUseId { get; }

    /// <summary>Gets the whole input as the CLI sent it.</summary>
    public JsonElement Raw { get; }

    internal static QoderHookInput Parse(JsonElement raw, string? envelopeToolUseId) =>
        QoderHookEventExtensions.ParseWireName(HookJson.String(raw, "hook_event_name")) switch
        {
            QoderHookEvent.PreToolUse => new QoderPreToolUseHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PostToolUse => new QoderPostToolUseHookInput(raw, envelopeToolUseId),
            QoderHookEvent.UserPromptSubmit => new QoderUserPromptSubmitHookInput(raw, envelopeToolUseId),
            QoderHookEvent.Stop => new QoderStopHookInput(raw, envelopeToolUseId),
            QoderHookEvent.SessionStart => new QoderSessionStartHookInput(raw, envelopeToolUseId),
            QoderHookEvent.SessionEnd => new QoderSessionEndHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PermissionRequest => new QoderPermissionRequestHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PostToolUseFailure => new QoderPostToolUseFailureHookInput(raw, envelopeToolUseId),
            QoderHookEvent.StopFailure => new QoderStopFailureHookInput(raw, envelopeToolUseId),
            QoderHookEvent.SubagentStart => new QoderSubagentStartHookInput(raw, envelopeToolUseId),
            QoderHookEvent.SubagentStop => new QoderSubagentStopHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PreCompact => new QoderPreCompactHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PostCompact => new QoderPostCompactHookInput(raw, envelopeToolUseId),
            QoderHookEvent.PermissionDenied => new QoderPermissionDeniedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.Setup => new QoderSetupHookInput(raw, envelopeToolUseId),
            QoderHookEvent.WorktreeCreate => new QoderWorktreeCreateHookInput(raw, envelopeToolUseId),
            QoderHookEvent.WorktreeRemove => new QoderWorktreeRemoveHookInput(raw, envelopeToolUseId),
            QoderHookEvent.InstructionsLoaded => new QoderInstructionsLoadedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.CwdChanged => new QoderCwdChangedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.FileChanged => new QoderFileChangedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.TeammateIdle => new QoderTeammateIdleHookInput(raw, envelopeToolUseId),
            QoderHookEvent.TaskCreated => new QoderTaskCreatedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.TaskCompleted => new QoderTaskCompletedHookInput(raw, envelopeToolUseId),
            QoderHookEvent.Elicitation => new QoderElicitationHookInput(raw, envelopeToolUseId),
            QoderHookEvent.ElicitationResult => new QoderElicitationResultHookInput(raw, envelopeToolUseId),
            QoderHookEvent.ConfigChange => new QoderConfigChangeHookInput(raw, envelopeToolUseId),
            _ => new QoderHookInput(raw, envelopeToolUseId),
        };
}
