using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// Plan mode and the session goal, for any <see cref="IQoderClient"/>. The CLI handles these at once, even mid-turn, and
/// announces changes with <see cref="PlanModeChangedMessage"/>, <see cref="GoalUpdatedMessage"/> and <see cref="GoalClearedMessage"/>.
/// </summary>
public static class QoderClientGoalExtensions
{
    /// <summary>Enters or leaves plan mode without changing the permission mode (<c>set_plan_mode</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="active">Whether plan mode is on.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The plan mode state now.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>plan_mode_v1</c>.</exception>
    public static async Task<QoderPlanModeState> SetPlanModeAsync(this IQoderClient client, bool active, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "set_plan_mode", "plan_mode_v1");
        var request = TypedControl.Request("set_plan_mode");
        request["active"] = active;
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "plan_mode", QoderControlJsonContext.Default.QoderPlanModeState) ?? new QoderPlanModeState { IsActive = active };
    }

    /// <summary>Reads whether plan mode is on (<c>get_plan_mode</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The plan mode state.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>plan_mode_v1</c>.</exception>
    public static async Task<QoderPlanModeState> GetPlanModeAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "get_plan_mode", "plan_mode_v1");
        var body = await TypedControl.SendAsync(client, TypedControl.Request("get_plan_mode"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "plan_mode", QoderControlJsonContext.Default.QoderPlanModeState) ?? new QoderPlanModeState();
    }

    /// <summary>Creates, redirects, changes the state of or re-budgets the session goal (<c>set_goal</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="update">The change; unset properties stay as they are.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The goal after the change, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>goal_v1</c>.</exception>
    public static async Task<QoderGoal?> SetGoalAsync(this IQoderClient client, QoderGoalUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        TypedControl.Require(client, "set_goal", "goal_v1");
        var request = TypedControl.Request("set_goal");
        if (update.Objective is not null)
        {
            request["objective"] = update.Objective;
        }

        if (update.Status is not null)
        {
            request["status"] = update.Status;
        }

        if (update.ClearCreditsBudget)
        {
            request["credits_budget"] = null;
        }
        else if (update.CreditsBudget is { } budget)
        {
            request["credits_budget"] = budget;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "goal", QoderControlJsonContext.Default.QoderGoal);
    }

    /// <summary>Reads the session goal (<c>get_goal</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The goal, or <see langword="null"/> when the session has none.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>goal_v1</c>.</exception>
    public static async Task<QoderGoal?> GetGoalAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "get_goal", "goal_v1");
        var body = await TypedControl.SendAsync(client, TypedControl.Request("get_goal"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "goal", QoderControlJsonContext.Default.QoderGoal);
    }

    /// <summary>Clears the session goal (<c>clear_goal</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether there was a goal to clear.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>goal_v1</c>.</exception>
    public static async Task<bool> ClearGoalAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "clear_goal", "goal_v1");
        var body = await TypedControl.SendAsync(client, TypedControl.Request("clear_goal"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Bool(body, "cleared") == true;
    }

    /// <summary>Sets the turn limit copied into goals created from now on (<c>set_goal_max_turns</c>); the current goal keeps its own.</summary>
    /// <param name="client">The client.</param>
    /// <param name="maxTurns">The limit, or <see langword="null"/> for the CLI's built-in one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The limit in force now.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>goal_max_turns_v1</c>.</exception>
    public static async Task<int> SetGoalMaxTurnsAsync(this IQoderClient client, int? maxTurns, CancellationToken cancellationToken = default)
    {
        if (maxTurns is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTurns), maxTurns, "The goal turn limit must be at least 1.");
        }

        TypedControl.Require(client, "set_goal_max_turns", "goal_max_turns_v1");
        var request = TypedControl.Request("set_goal_max_turns");
        request["max_turns"] = maxTurns;
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Field(body, "goal_max_turns") is { } value && value.TryGetInt32(out var turns)
            ? turns
            : throw new QoderProtocolException("The CLI answered set_goal_max_turns without goal_max_turns.", body?.GetRawText() ?? string.Empty);
    }
}
