namespace Qoder.AgentSdk;

/// <summary>
/// A change to the session goal for <c>SetGoalAsync</c>: each property left <see langword="null"/> stays as it is. Setting
/// <see cref="Status"/> to <c>active</c> while the session is idle starts the goal loop.
/// </summary>
public sealed record QoderGoalUpdate
{
    /// <summary>Gets the new objective (creates the goal when there is none).</summary>
    public string? Objective { get; init; }

    /// <summary>Gets the new status: <c>active</c>, <c>paused</c>, <c>blocked</c>, <c>usage_limited</c>, <c>budget_limited</c> or <c>complete</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the new credits budget.</summary>
    public double? CreditsBudget { get; init; }

    /// <summary>Gets a value indicating whether to remove the credits budget (sent as <c>credits_budget: null</c>); wins over <see cref="CreditsBudget"/>.</summary>
    public bool ClearCreditsBudget { get; init; }
}
