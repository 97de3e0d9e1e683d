using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A subagent finished (<see cref="QoderHookEvent.SubagentStop"/>).</summary>
public sealed class QoderSubagentStopHookInput : QoderHookInput
{
    internal QoderSubagentStopHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        StopHookActive = HookJson.Bool(raw, "stop_hook_active") ?? false;
        AgentTranscriptPath = HookJson.String(raw, "agent_transcript_path");
        LastAssistantMessage = HookJson.String(raw, "last_assistant_message");
    }

    /// <summary>Gets whether a Stop hook already continued this subagent.</summary>
    public bool StopHookActive { get; }

    /// <summary>Gets the subagent's transcript file.</summary>
    public string? AgentTranscriptPath { get; }

    /// <summary>Gets the text of the subagent's last message.</summary>
    public string? LastAssistantMessage { get; }
}
