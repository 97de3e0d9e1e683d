using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The working directory changed (<see cref="QoderHookEvent.CwdChanged"/>).</summary>
public sealed class QoderCwdChangedHookInput : QoderHookInput
{
    internal QoderCwdChangedHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        OldCwd = HookJson.String(raw, "old_cwd") ?? string.Empty;
        NewCwd = HookJson.String(raw, "new_cwd") ?? string.Empty;
    }

    /// <summary>Gets the previous directory.</summary>
    public string OldCwd { get; }

    /// <summary>Gets the new directory.</summary>
    public string NewCwd { get; }
}
