using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The session ends (<see cref="QoderHookEvent.SessionEnd"/>); after stdin is closed the reason is <c>other</c>.</summary>
public sealed class QoderSessionEndHookInput : QoderHookInput
{
    internal QoderSessionEndHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId) => Reason = HookJson.String(raw, "reason") ?? string.Empty;

    /// <summary>Gets why: <c>clear</c>, <c>resume</c>, <c>logout</c>, <c>prompt_input_exit</c>, <c>other</c> or <c>bypass_permissions_disabled</c>.</summary>
    public string Reason { get; }
}
