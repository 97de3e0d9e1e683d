using System.Globalization;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// Plan mode and the session goal, answered at once as the CLI does: the change is announced
/// (<c>plan_mode_changed</c>, <c>goal_updated</c>, <c>goal_cleared</c>) before the response.
/// </summary>
internal sealed class PlanAndGoalHandler(SessionOutput output)
{
    private const int BuiltInGoalMaxTurns = 100;
    private static readonly HashSet<string> GoalStatuses = new(StringComparer.Ordinal)
    {
        "active", "paused", "blocked", "usage_limited", "budget_limited", "complete",
    };

    private readonly Lock _gate = new();
    private bool _planMode;
    private JsonObject? _goal;
    private int? _goalMaxTurns;

    public async Task SetPlanModeAsync(string requestId, JsonObject request)
    {
        if (Wire.Bool(request["active"]) is not { } active)
        {
            await output.RespondErrorAsync(requestId, "invalid active").ConfigureAwait(false);
            return;
        }

        bool changed;
        lock (_gate)
        {
            changed = _planMode != active;
            _planMode = active;
        }

        if (changed)
        {
            await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "plan_mode_changed", ["plan_mode"] = PlanMode(active) })
                .ConfigureAwait(false);
        }

        await output.RespondSuccessAsync(requestId, new JsonObject { ["plan_mode"] = PlanMode(active) }).ConfigureAwait(false);
    }

    public Task GetPlanModeAsync(string requestId, JsonObject request)
    {
        lock (_gate)
        {
            return output.RespondSuccessAsync(requestId, new JsonObject { ["plan_mode"] = PlanMode(_planMode) });
        }
    }

    public async Task SetGoalAsync(string requestId, JsonObject request)
    {
        var status = Wire.Str(request["status"]);
        if (status is not null && !GoalStatuses.Contains(status))
        {
            await output.RespondErrorAsync(requestId, $"invalid status: {status}").ConfigureAwait(false);
            return;
        }

        JsonObject? goal;
        lock (_gate)
        {
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            if (_goal is null && Wire.Str(request["objective"]) is { Length: > 0 })
            {
                _goal = new JsonObject
                {
                    ["id"] = string.Create(CultureInfo.InvariantCulture, $"{now}-{Wire.NewId()[..6]}"),
                    ["objective"] = "",
                    ["status"] = "active",
                    ["turns_used"] = 0,
                    ["time_used_seconds"] = 0,
                    ["created_at"] = now,
                    ["updated_at"] = now,
                    ["max_turns"] = _goalMaxTurns ?? BuiltInGoalMaxTurns,
                    ["credits_used"] = 0,
                };
            }

            if (_goal is not null)
            {
                if (Wire.Str(request["objective"]) is { Length: > 0 } objective)
                {
                    _goal["objective"] = objective;
                }

                if (status is not null)
                {
                    _goal["status"] = status;
                }

                if (request.TryGetPropertyValue("credits_budget", out var budget))
                {
                    _goal.Remove("credits_budget");
                    if (budget is not null)
                    {
                        _goal["credits_budget"] = budget.DeepClone();
                    }
                }

                _goal["updated_at"] = now;
            }

            goal = (JsonObject?)_goal?.DeepClone();
        }

        if (goal is not null)
        {
            await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "goal_updated", ["goal"] = goal.DeepClone() }).ConfigureAwait(false);
        }

        await output.RespondSuccessAsync(requestId, new JsonObject { ["goal"] = goal }).ConfigureAwait(false);
    }

    public Task GetGoalAsync(string requestId, JsonObject request)
    {
        lock (_gate)
        {
            return output.RespondSuccessAsync(requestId, new JsonObject { ["goal"] = _goal?.DeepClone() });
        }
    }

    public async Task ClearGoalAsync(string requestId, JsonObject request)
    {
        string? cleared;
        lock (_gate)
        {
            cleared = Wire.Str(_goal?["id"]);
            _goal = null;
        }

        if (cleared is not null)
        {
            await output.WriteStampedAsync(new JsonObject { ["type"] = "system", ["subtype"] = "goal_cleared", ["goal_id"] = cleared, ["reason"] = "user" })
                .ConfigureAwait(false);
        }

        await output.RespondSuccessAsync(requestId, new JsonObject { ["cleared"] = cleared is not null }).ConfigureAwait(false);
    }

    public Task SetGoalMaxTurnsAsync(string requestId, JsonObject request)
    {
        int turns;
        lock (_gate)
        {
            _goalMaxTurns = request["max_turns"] is JsonValue value && value.TryGetValue<int>(out var max) ? max : null;
            turns = _goalMaxTurns ?? BuiltInGoalMaxTurns;
        }

        return output.RespondSuccessAsync(requestId, new JsonObject { ["goal_max_turns"] = turns });
    }

    private static JsonObject PlanMode(bool active) => new() { ["active"] = active };
}
