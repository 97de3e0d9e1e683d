using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The conversation was compacted (<see cref="QoderHookEvent.PostCompact"/>).</summary>
public sealed class QoderPostCompactHookInput : QoderHookInput
{
    internal QoderPostCompactHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Trigger = HookJson.String(raw, "trigger") ?? string.Empty;
        CompactSummary = HookJson.String(raw, "compact_summary");
    }

    /// <summary>Gets <c>manual</c> or <c>auto</c>.</summary>
    public string Trigger { get; }

    /// <summary>Gets the summary that replaced the conversation.</summary>
    public string? CompactSummary { get; }
}
