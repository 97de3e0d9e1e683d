using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/plan_mode_changed</c>: plan mode was entered or left.</summary>
public sealed record PlanModeChangedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>plan_mode_changed</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "plan_mode_changed";

    /// <summary>Gets the plan mode state (<c>{active}</c>).</summary>
    [JsonPropertyName("plan_mode")]
    public JsonElement? PlanMode { get; init; }

    /// <summary>Gets a value indicating whether plan mode is now active.</summary>
    [JsonIgnore]
    public bool IsActive => PlanMode is { ValueKind: JsonValueKind.Object } mode && mode.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.True;
}
