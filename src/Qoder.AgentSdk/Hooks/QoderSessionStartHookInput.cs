using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The session starts (<see cref="QoderHookEvent.SessionStart"/>); the CLI sends it with the first user message, not at initialize.</summary>
public sealed class QoderSessionStartHookInput : QoderHookInput
{
    internal QoderSessionStartHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId) => Source = HookJson.String(raw, "source") ?? string.Empty;

    /// <summary>Gets why: <c>startup</c>, <c>resume</c>, <c>clear</c> or <c>compact</c>.</summary>
    public string Source { get; }
}
