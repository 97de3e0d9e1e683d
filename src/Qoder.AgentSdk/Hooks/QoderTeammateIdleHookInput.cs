using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A teammate has nothing to do (<see cref="QoderHookEvent.TeammateIdle"/>).</summary>
public sealed class QoderTeammateIdleHookInput : QoderHookInput
{
    internal QoderTeammateIdleHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        TeammateName = HookJson.String(raw, "teammate_name") ?? string.Empty;
        TeamName = HookJson.String(raw, "team_name") ?? string.Empty;
    }

    /// <summary>Gets the teammate.</summary>
    public string TeammateName { get; }

    /// <summary>Gets the team.</summary>
    public string TeamName { get; }
}
