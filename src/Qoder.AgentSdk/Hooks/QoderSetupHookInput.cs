using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The CLI sets up a project (<see cref="QoderHookEvent.Setup"/>).</summary>
public sealed class QoderSetupHookInput : QoderHookInput
{
    internal QoderSetupHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Trigger = HookJson.String(raw, "trigger") ?? string.Empty;
    }

    /// <summary>Gets <c>init</c> or <c>maintenance</c>.</summary>
    public string Trigger { get; }
}
