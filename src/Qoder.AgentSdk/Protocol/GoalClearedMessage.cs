using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/goal_cleared</c>: the goal was cleared (<c>goal_v1</c>).</summary>
public sealed record GoalClearedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>goal_cleared</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "goal_cleared";

    /// <summary>Gets the goal that was cleared.</summary>
    [JsonPropertyName("goal_id")]
    public string GoalId { get; init; } = string.Empty;

    /// <summary>Gets why, such as <c>user</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
