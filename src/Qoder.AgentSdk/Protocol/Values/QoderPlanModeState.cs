using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Whether the main session is in plan mode (<c>plan_mode_v1</c>).</summary>
public sealed record QoderPlanModeState
{
    /// <summary>Gets a value indicating whether plan mode is on.</summary>
    [JsonPropertyName("active")]
    public bool IsActive { get; init; }
}
