using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>
/// What a hook callback is told (the <c>input</c> of <c>hook_callback</c>). The events with their own fields arrive as a
/// derived type (<see cref="QoderPreToolUseHookInput"/>, <see cref="QoderPostToolUseHookInput"/>,
/// <see cref="QoderUserPromptSubmitHookInput"/>, <see cref="QoderStopHookInput"/>, <see cref="QoderSessionStartHookInput"/>,
/// <see cref="QoderSessionEndHookInput"/>, <see cref="QoderPermissionRequestHookInput"/>); every other field of every event
/// is in <see cref="Raw"/>.
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
            _ => new QoderHookInput(raw, envelopeToolUseId),
        };
}
