using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Session;
using Qoder.AgentSdk.Testing.Internal.Turns;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>Decides whether a scripted tool runs: PreToolUse hooks, the permission mode, the PermissionRequest hook, then the permission prompt.</summary>
internal sealed class ToolAuthorizer(
    SessionState state, SessionOutput output, HookRunner hooks, OutboundControlRequests outbound, ToolResultWriter results)
{
    /// <summary>The input the tool runs with, or <see langword="null"/> when it does not run (the tool result is already written).</summary>
    public async Task<JsonObject?> AuthorizeAsync(QoderScenarioStep step, string id, TurnState turn, CancellationToken ct)
    {
        var name = step.Name ?? "Tool";
        var input = (JsonObject?)step.Input?.DeepClone() ?? [];
        var preAllowed = false;
        string? blocked = null;
        var pre = await hooks.RunAsync("PreToolUse", name, new()
        {
            ["tool_use_id"] = id,
            ["tool_name"] = name,
            ["tool_input"] = input.DeepClone(),
        }, id, ct).ConfigureAwait(false);
        foreach (var hookOutput in pre)
        {
            var specific = hookOutput["hookSpecificOutput"] as JsonObject;
            var decision = Wire.Str(specific?["permissionDecision"]);
            var legacy = Wire.Str(hookOutput["decision"]);
            if (decision == "deny" || legacy is "block" or "deny")
            {
                blocked = Wire.Str(specific?["permissionDecisionReason"]) ?? Wire.Str(hookOutput["reason"]) ?? string.Empty;
            }
            else if (decision == "allow" || legacy is "approve" or "allow")
            {
                preAllowed = true;
            }

            if (specific?["updatedInput"] is JsonObject updated)
            {
                input = (JsonObject)updated.DeepClone();
            }
        }

        if (blocked is not null)
        {
            await results.WriteAsync(id, $"Error: Tool execution blocked: {blocked}", true, new JsonObject { ["isHardFailure"] = true }, null)
                .ConfigureAwait(false);
            return null;
        }

        if (preAllowed || !NeedsPermission(step, name))
        {
            return input;
        }

        var suggestions = PermissionPromptRequest.Suggestions(name, input);
        if (await PermissionRequestHookDecisionAsync(name, input, suggestions, ct).ConfigureAwait(false) is { } hookDecision)
        {
            // The CLI races this hook against the prompt; a hook that decides settles the permission, so it is not asked.
            if (Wire.Str(hookDecision["behavior"]) != "allow")
            {
                await DenyAsync(name, id, input, Wire.Str(hookDecision["message"]) ?? "Permission denied by hook.", turn).ConfigureAwait(false);
                return null;
            }

            return hookDecision["updatedInput"] is JsonObject hookInput ? (JsonObject)hookInput.DeepClone() : input;
        }

        return state.PromptStdio ? await PromptAsync(step, name, id, input, suggestions, turn, ct).ConfigureAwait(false) : input;
    }

    /// <summary>Asks the host with <c>can_use_tool</c>; a step's <c>withdrawPromptAfterMs</c> withdraws the prompt as the user would.</summary>
    private async Task<JsonObject?> PromptAsync(
        QoderScenarioStep step, string name, string id, JsonObject input, JsonArray suggestions, TurnState turn, CancellationToken ct)
    {
        ControlAnswer answer;
        using (var withdraw = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            if (step.WithdrawPromptAfterMs is { } after)
            {
                withdraw.CancelAfter(after);
            }

            turn.StartPrompt(id);
            try
            {
                answer = await outbound.RequestAsync(PermissionPromptRequest.Create(name, id, input, suggestions), withdraw.Token, cancelOnWire: true)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (withdraw.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                turn.EndPrompt(id);
                await results.WriteNotExecutedAsync(id, Wire.WithdrawnPromptText, "user-rejected").ConfigureAwait(false);
                return null;
            }
        }

        turn.EndPrompt(id);
        if (answer.IsError)
        {
            await results.WriteAsync(id, $"Error: {PermissionPromptRequest.Title(name, input)}", true, null, null).ConfigureAwait(false);
            return null;
        }

        var body = answer.Body ?? [];
        var behavior = Wire.Str(body["behavior"]);
        var allowed = behavior is "allow" or "allow_session" || (behavior is null && Wire.Bool(body["allowed"]) == true);
        if (!allowed)
        {
            await DenyAsync(name, id, input, Wire.Str(body["message"]) ?? Wire.Str(body["reason"]) ?? string.Empty, turn).ConfigureAwait(false);
            return null;
        }

        return body["updatedInput"] is JsonObject updatedInput ? (JsonObject)updatedInput.DeepClone() : input;
    }

    /// <summary>The decision of the first PermissionRequest hook that gives one (<c>hookSpecificOutput.decision</c>), if any.</summary>
    private async Task<JsonObject?> PermissionRequestHookDecisionAsync(string name, JsonObject input, JsonArray suggestions, CancellationToken ct)
    {
        var fields = new JsonObject { ["tool_name"] = name, ["tool_input"] = input.DeepClone() };
        if (suggestions.Count > 0)
        {
            fields["permission_suggestions"] = suggestions.DeepClone();
        }

        var outputs = await hooks.RunAsync("PermissionRequest", name, fields, null, ct).ConfigureAwait(false);
        return outputs
            .Select(o => (o["hookSpecificOutput"] as JsonObject)?["decision"] as JsonObject)
            .FirstOrDefault(d => Wire.Str(d?["behavior"]) is "allow" or "deny");
    }

    private bool NeedsPermission(QoderScenarioStep step, string name) => state.PermissionMode switch
    {
        "bypassPermissions" => false,
        "acceptEdits" when ToolNames.Edit.Contains(name) => false,
        _ => step.RequiresPermission ?? !ToolNames.ReadOnly.Contains(name),
    };

    /// <summary>A user rejection: the tool result, a <c>permission_denied</c> system message, and an entry in the result's denials.</summary>
    private async Task DenyAsync(string name, string id, JsonObject input, string message, TurnState turn)
    {
        var text = message.Length == 0
            ? Wire.DenyPrefix + "STOP what you are doing and wait for the user to tell you how to proceed."
            : Wire.DenyPrefix + "To tell you how to proceed, the user said:\n" + message;
        await results.WriteAsync(id, text, true, new JsonObject { ["isHardFailure"] = false }, new JsonArray(new JsonObject
        {
            ["id"] = id,
            ["non_execution_kind"] = "user-rejected",
            ["user_feedback"] = message,
        })).ConfigureAwait(false);
        await output.WriteStampedAsync(new JsonObject
        {
            ["type"] = "system",
            ["tool_name"] = name,
            ["tool_use_id"] = id,
            ["message"] = text,
            ["decision_reason_type"] = "permissionPromptTool",
            ["decision_reason"] = message,
            ["tool_denial_kind"] = "user-rejected",
            ["subtype"] = "permission_denied",
        }).ConfigureAwait(false);
        turn.AddDenial(new JsonObject
        {
            ["tool_name"] = name,
            ["tool_use_id"] = id,
            ["tool_input"] = input.DeepClone(),
            ["message"] = text,
            ["decision_reason_type"] = "permissionPromptTool",
            ["decision_reason"] = message,
            ["tool_denial_kind"] = "user-rejected",
        });
    }
}
