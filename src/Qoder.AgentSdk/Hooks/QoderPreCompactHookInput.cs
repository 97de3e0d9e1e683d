using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The conversation is about to be compacted (<see cref="QoderHookEvent.PreCompact"/>).</summary>
public sealed class QoderPreCompactHookInput : QoderHookInput
{
    internal QoderPreCompactHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Trigger = HookJson.String(raw, "trigger") ?? string.Empty;
        CustomInstructions = HookJson.String(raw, "custom_instructions");
    }

    /// <summary>Gets <c>manual</c> or <c>auto</c>.</summary>
    public string Trigger { get; }

    /// <summary>Gets the instructions given to <c>/compact</c>.</summary>
    public string? CustomInstructions { get; }
}
