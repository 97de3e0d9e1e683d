using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/goal_updated</c>: the goal was created, redirected, changed state or budget (<c>goal_v1</c>).</summary>
public sealed record GoalUpdatedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>goal_updated</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "goal_updated";

    /// <summary>Gets the goal now.</summary>
    [JsonPropertyName("goal")]
    public QoderGoal? Goal { get; init; }

    /// <summary>Gets why it changed, such as <c>blocked</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
