using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A subagent starts (<see cref="QoderHookEvent.SubagentStart"/>).</summary>
public sealed class QoderSubagentStartHookInput : QoderHookInput
{
    internal QoderSubagentStartHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
    }
}
