using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>The <c>result</c> message that ends a turn: scripted, or the CLI's own for an interrupt or <c>--max-turns</c>.</summary>
internal static class TurnResultMessage
{
    public static JsonObject Create(SessionState session, QoderScenarioResult? scripted, TurnState turn, bool aborted, bool maxTurnsHit)
    {
        var r = scripted ?? new QoderScenarioResult();
        string subtype;
        bool isError;
        string? stopReason;
        JsonArray? errors = null;
        string? terminalReason;
        int? errorCode = null;
        if (aborted)
        {
            (subtype, isError, stopReason, terminalReason) = ("error_during_execution", true, "tool_use", turn.AbortedWhilePrompting ? "aborted_streaming" : "aborted_tools");
            errors = new JsonArray("Operation aborted");
        }
        else if (maxTurnsHit)
        {
            (subtype, isError, stopReason, terminalReason) = ("error_max_turns", true, "tool_use", "max_turns");
            errors = new JsonArray($"Reached maximum number of turns ({session.MaxTurns})");
            errorCode = 47902;
        }
        else
        {
            subtype = r.Subtype;
            isError = r.IsError ?? subtype != "success";
            stopReason = r.StopReason ?? "end_turn";
            terminalReason = r.TerminalReason;
            if (subtype != "success")
            {
                errors = Wire.Strings(r.Errors ?? []);
            }
        }

        var result = new JsonObject
        {
            ["type"] = "result",
            ["subtype"] = subtype,
            ["duration_ms"] = r.DurationMs ?? turn.Clock.ElapsedMilliseconds,
            ["duration_api_ms"] = 0,
            ["is_error"] = isError,
            ["num_turns"] = turn.NumTurns,
        };
        if (subtype == "success")
        {
            result["result"] = r.Text ?? turn.LastText ?? string.Empty;
        }

        result["stop_reason"] = stopReason;
        result["total_cost_usd"] = r.TotalCostUsd;
        result["total_credits"] = 0;
        result["usage"] = Wire.Usage(r.InputTokens, r.OutputTokens, r.CacheCreationInputTokens, r.CacheReadInputTokens);
        result["modelUsage"] = Wire.ModelUsage(session.Model, r.InputTokens, r.OutputTokens, r.CacheCreationInputTokens, r.CacheReadInputTokens, r.TotalCostUsd);
        result["permission_denials"] = turn.Denials;
        if (errors is not null)
        {
            result["errors"] = errors;
        }

        if (terminalReason is not null)
        {
            result["terminal_reason"] = terminalReason;
        }

        result["fast_mode_state"] = "off";
        Wire.Stamp(result, session.SessionId);
        if (errorCode is not null)
        {
            result["error_code"] = errorCode.Value;
        }

        return result;
    }
}
