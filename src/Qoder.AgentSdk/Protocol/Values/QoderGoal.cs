using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A snapshot of the session goal (<c>goal_v1</c>).</summary>
public sealed record QoderGoal
{
    /// <summary>Gets the goal id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the objective.</summary>
    [JsonPropertyName("objective")]
    public string Objective { get; init; } = string.Empty;

    /// <summary>Gets the status: <c>active</c>, <c>paused</c>, <c>blocked</c>, <c>usage_limited</c>, <c>budget_limited</c> or <c>complete</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets the turns used so far.</summary>
    [JsonPropertyName("turns_used")]
    public int TurnsUsed { get; init; }

    /// <summary>Gets the turn limit.</summary>
    [JsonPropertyName("max_turns")]
    public int? MaxTurns { get; init; }

    /// <summary>Gets the time used in seconds.</summary>
    [JsonPropertyName("time_used_seconds")]
    public double TimeUsedSeconds { get; init; }

    /// <summary>Gets the credits budget.</summary>
    [JsonPropertyName("credits_budget")]
    public double? CreditsBudget { get; init; }

    /// <summary>Gets the credits used.</summary>
    [JsonPropertyName("credits_used")]
    public double? CreditsUsed { get; init; }

    /// <summary>Gets the creation time in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    /// <summary>Gets the last change in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("updated_at")]
    public long UpdatedAt { get; init; }
}
