using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The agent is about to end its turn (<see cref="QoderHookEvent.Stop"/>).</summary>
public sealed class QoderStopHookInput : QoderHookInput
{
    internal QoderStopHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        StopHookActive = HookJson.Bool(raw, "stop_hook_active") ?? false;
        LastAssistantMessage = HookJson.String(raw, "last_assistant_message");
    }

    /// <summary>Gets a value indicating whether the turn is already continuing because of a Stop hook.</summary>
    public bool StopHookActive { get; }

    /// <summary>Gets the text of the last assistant message, if sent.</summary>
    public string? LastAssistantMessage { get; }
}
