using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Testing.Internal;

internal sealed partial class StandInSession
{
    private async Task RunTurnAsync(WorkItem first)
    {
        var script = _turnIndex < _scenario.Turns.Count
            ? _scenario.Turns[_turnIndex]
            : new QoderScenarioTurn { Steps = [new QoderScenarioStep { Type = "text", Text = _scenario.DefaultReply }] };
        _turnIndex++;
        using var turnCts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _turnCts = turnCts;
        var ct = turnCts.Token;
        var state = new TurnState();
        if (first.Uuid is not null)
        {
            state.Consumed.Add(first.Uuid);
        }

        var aborted = false;
        var maxTurnsHit = false;
        try
        {
            if (!_sessionStarted)
            {
                _sessionStarted = true;
                var source = _resumed ? "resume" : "startup";
                await RunHooksAsync("SessionStart", source, new() { ["source"] = source }, null, ct).ConfigureAwait(false);
            }

            await WriteAsync(SystemInit()).ConfigureAwait(false);
            await LifecycleAsync(first.Uuid, "started").ConfigureAwait(false);
            await RunHooksAsync("UserPromptSubmit", null, new() { ["prompt"] = PromptText(first.Message) }, null, ct).ConfigureAwait(false);
            foreach (var group in Group(script.Steps))
            {
                if (group.HasModelBlocks)
                {
                    if (_maxTurns > 0 && state.NumTurns >= _maxTurns)
                    {
                        maxTurnsHit = true;
                        break;
                    }

                    state.NumTurns++;
                }

                await PlayGroupAsync(group, state, ct).ConfigureAwait(false);
                if (group.HasToolUse)
                {
                    await InjectQueuedAsync(state).ConfigureAwait(false);
                }
            }

            if (!maxTurnsHit)
            {
                await RunHooksAsync("Stop", null, new() { ["stop_hook_active"] = false, ["last_assistant_message"] = state.LastText }, null, ct)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (turnCts.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            aborted = true;
        }
        finally
        {
            _turnCts = null;
        }

        await WriteAsync(TurnResult(script.Result, state, aborted, maxTurnsHit)).ConfigureAwait(false);
        foreach (var uuid in state.Consumed)
        {
            await LifecycleAsync(uuid, aborted ? "cancelled" : "completed").ConfigureAwait(false);
        }

        await PlayStepsAsync(script.AfterResult, null, _lifetime.Token).ConfigureAwait(false);
    }

    private static string PromptText(JsonObject? message)
    {
        var content = message?["message"]?["content"];
        if (Wire.Str(content) is { } text)
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var block in (content as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Wire.Str(block["type"]) == "text")
            {
                builder.Append(Wire.Str(block["text"]));
            }
        }

        return builder.ToString();
    }

    private JsonObject TurnResult(QoderScenarioResult? scripted, TurnState state, bool aborted, bool maxTurnsHit)
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
            (subtype, isError, stopReason, terminalReason) = ("error_during_execution", true, "tool_use", state.AbortedWhilePrompting ? "aborted_streaming" : "aborted_tools");
            errors = new JsonArray("Operation aborted");
        }
        else if (maxTurnsHit)
        {
            (subtype, isError, stopReason, terminalReason) = ("error_max_turns", true, "tool_use", "max_turns");
            errors = new JsonArray($"Reached maximum number of turns ({_maxTurns})");
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
                errors = ToArray(r.Errors ?? []);
            }
        }

        var result = new JsonObject
        {
            ["type"] = "result",
            ["subtype"] = subtype,
            ["duration_ms"] = r.DurationMs ?? state.Clock.ElapsedMilliseconds,
            ["duration_api_ms"] = 0,
            ["is_error"] = isError,
            ["num_turns"] = state.NumTurns,
        };
        if (subtype == "success")
        {
            result["result"] = r.Text ?? state.LastText ?? string.Empty;
        }

        result["stop_reason"] = stopReason;
        result["total_cost_usd"] = r.TotalCostUsd;
        result["total_credits"] = 0;
        result["usage"] = Wire.Usage(r.InputTokens, r.OutputTokens, r.CacheCreationInputTokens, r.CacheReadInputTokens);
        result["modelUsage"] = Wire.ModelUsage(_model, r.InputTokens, r.OutputTokens, r.CacheCreationInputTokens, r.CacheReadInputTokens, r.TotalCostUsd);
        result["permission_denials"] = state.Denials;
        if (errors is not null)
        {
            result["errors"] = errors;
        }

        if (terminalReason is not null)
        {
            result["terminal_reason"] = terminalReason;
        }

        result["fast_mode_state"] = "off";
        Stamp(result);
        if (errorCode is not null)
        {
            result["error_code"] = errorCode.Value;
        }

        return result;
    }

    private static List<StepGroup> Group(IEnumerable<QoderScenarioStep> steps)
    {
        var groups = new List<StepGroup>();
        var current = new StepGroup();
        foreach (var step in steps)
        {
            var startsNew = step.Type == "new_message"
                || (step.Type is "text" or "thinking" && current.HasToolUse);
            if (startsNew && current.Steps.Count > 0)
            {
                groups.Add(current);
                current = new StepGroup();
            }

            if (step.Type != "new_message")
            {
                current.Steps.Add(step);
            }
        }

        if (current.Steps.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }

    private async Task PlayGroupAsync(StepGroup group, TurnState state, CancellationToken ct)
    {
        var messageId = "msg_" + Wire.NewId();
        var stopReason = group.HasToolUse ? "tool_use" : "end_turn";
        var tools = new List<(QoderScenarioStep Step, string Id)>();
        foreach (var step in group.Steps)
        {
            ct.ThrowIfCancellationRequested();
            switch (step.Type)
            {
                case "text":
                    var text = step.Text ?? string.Empty;
                    await StreamDeltasAsync("text_delta", "text", step.Deltas ?? [text]).ConfigureAwait(false);
                    await AssistantAsync(messageId, stopReason, new JsonObject { ["type"] = "text", ["text"] = text, ["citations"] = null })
                        .ConfigureAwait(false);
                    state.LastText = text;
                    break;
                case "thinking":
                    await StreamDeltasAsync("thinking_delta", "thinking", [step.Text ?? string.Empty]).ConfigureAwait(false);
                    await AssistantAsync(messageId, stopReason, new JsonObject { ["type"] = "thinking", ["thinking"] = step.Text ?? string.Empty, ["signature"] = "" })
                        .ConfigureAwait(false);
                    break;
                case "tool_use":
                    var id = step.Id ?? "toolu_" + Wire.NewId();
                    await AssistantAsync(messageId, stopReason, new JsonObject
                    {
                        ["type"] = "tool_use", ["id"] = id, ["name"] = step.Name ?? "Tool", ["input"] = step.Input?.DeepClone() ?? new JsonObject(),
                    }).ConfigureAwait(false);
                    tools.Add((step, id));
                    break;
                default:
                    await PlayActionAsync(step, state, ct).ConfigureAwait(false);
                    break;
            }
        }

        if (tools.Count > 1 && tools.All(t => t.Step.Concurrent == true))
        {
            var inputs = await Task.WhenAll(tools.Select(t => GuardToolAsync(t.Id, state, () => AuthorizeToolAsync(t.Step, t.Id, state, ct), ct)))
                .ConfigureAwait(false);
            for (var i = 0; i < tools.Count; i++)
            {
                if (inputs[i] is { } input)
                {
                    var (step, id) = tools[i];
                    await GuardToolAsync(id, state, () => RunAuthorizedToolAsync(step, id, input, ct), ct).ConfigureAwait(false);
                }
            }

            return;
        }

        foreach (var (step, id) in tools)
        {
            await GuardToolAsync(id, state, async () =>
            {
                var input = await AuthorizeToolAsync(step, id, state, ct).ConfigureAwait(false);
                return input is null ? null : await RunAuthorizedToolAsync(step, id, input, ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
    }

    private async Task StreamDeltasAsync(string deltaType, string field, IEnumerable<string> deltas)
    {
        if (!_partial)
        {
            return;
        }

        foreach (var delta in deltas)
        {
            await WriteAsync(Stamp(new JsonObject
            {
                ["type"] = "stream_event",
                ["event"] = new JsonObject
                {
                    ["type"] = "content_block_delta",
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = deltaType, [field] = delta },
                },
                ["parent_tool_use_id"] = null,
            })).ConfigureAwait(false);
        }
    }

    private Task AssistantAsync(string messageId, string stopReason, JsonObject block) =>
        WriteAsync(Stamp(new JsonObject
        {
            ["type"] = "assistant",
            ["message"] = new JsonObject
            {
                ["id"] = messageId,
                ["type"] = "message",
                ["role"] = "assistant",
                ["content"] = new JsonArray(block),
                ["container"] = null,
                ["context_management"] = null,
                ["model"] = _model,
                ["stop_reason"] = stopReason,
                ["stop_sequence"] = null,
                ["usage"] = Wire.Usage(),
            },
            ["parent_tool_use_id"] = null,
        }));

    private async Task InjectQueuedAsync(TurnState state)
    {
        List<WorkItem> joining;
        lock (_gate)
        {
            joining = [.. _queue.Where(i => i.Message is not null && Wire.Str(i.Message["priority"]) != "later")];
            foreach (var item in joining)
            {
                _queue.Remove(item);
            }
        }

        foreach (var item in joining)
        {
            var echo = new JsonObject
            {
                ["type"] = "user",
                ["message"] = item.Message!["message"]?.DeepClone(),
                ["parent_tool_use_id"] = null,
                ["uuid"] = item.Uuid ?? Wire.NewId(),
                ["timestamp"] = Wire.Timestamp(),
                ["isReplay"] = true,
                ["session_id"] = _sessionId,
            };
            await WriteAsync(echo).ConfigureAwait(false);
            await LifecycleAsync(item.Uuid, "started").ConfigureAwait(false);
            if (item.Uuid is not null)
            {
                state.Consumed.Add(item.Uuid);
            }
        }
    }

    // ---------------------------------------------------------------- tools

    /// <summary>Reports a tool cut short by an interrupt the way 1.1.52 does, then lets the cancellation end the turn.</summary>
    private async Task<T> GuardToolAsync<T>(string id, TurnState state, Func<Task<T>> phase, CancellationToken ct)
    {
        try
        {
            return await phase().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            // 1.1.52 answers a prompt withdrawn by interrupt as a rejection and ends the turn as aborted_streaming.
            var prompting = state.IsPrompting(id);
            state.AbortedWhilePrompting |= prompting;
            await ToolResultAsync(id, prompting ? Wire.WithdrawnPromptText : Wire.InterruptedText, true, null, new JsonArray(new JsonObject
            {
                ["id"] = id, ["non_execution_kind"] = "interrupted",
            })).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>PreToolUse hooks, the PermissionRequest hook and the permission prompt: the input the tool runs with, or <see langword="null"/> when it does not run (the tool result is already written).</summary>
    private async Task<JsonObject?> AuthorizeToolAsync(QoderScenarioStep step, string id, TurnState state, CancellationToken ct)
    {
        var name = step.Name ?? "Tool";
        var input = (JsonObject?)step.Input?.DeepClone() ?? [];
        var preAllowed = false;
        string? blocked = null;
        var pre = await RunHooksAsync("PreToolUse", name, new()
        {
            ["tool_use_id"] = id, ["tool_name"] = name, ["tool_input"] = input.DeepClone(),
        }, id, ct).ConfigureAwait(false);
        foreach (var output in pre)
        {
            var specific = output["hookSpecificOutput"] as JsonObject;
            var decision = Wire.Str(specific?["permissionDecision"]);
            var legacy = Wire.Str(output["decision"]);
            if (decision == "deny" || legacy is "block" or "deny")
            {
                blocked = Wire.Str(specific?["permissionDecisionReason"]) ?? Wire.Str(output["reason"]) ?? string.Empty;
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
            await ToolResultAsync(id, $"Error: Tool execution blocked: {blocked}", true, new JsonObject { ["isHardFailure"] = true }, null)
                .ConfigureAwait(false);
            return null;
        }

        if (preAllowed || !NeedsPermission(step, name))
        {
            return input;
        }

        var suggestions = PermissionSuggestions(name, input);
        if (await PermissionRequestHookDecisionAsync(name, input, suggestions, ct).ConfigureAwait(false) is { } hookDecision)
        {
            // The CLI races this hook against the prompt; a hook that decides settles the permission, so it is not asked.
            if (Wire.Str(hookDecision["behavior"]) != "allow")
            {
                await DenyAsync(name, id, input, Wire.Str(hookDecision["message"]) ?? "Permission denied by hook.", state).ConfigureAwait(false);
                return null;
            }

            return hookDecision["updatedInput"] is JsonObject hookInput ? (JsonObject)hookInput.DeepClone() : input;
        }

        if (!_promptStdio)
        {
            return input;
        }

        ControlAnswer answer;
        using (var withdraw = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            if (step.WithdrawPromptAfterMs is { } after)
            {
                withdraw.CancelAfter(after);
            }

            state.StartPrompt(id);
            try
            {
                answer = await RequestAsync(CanUseToolRequest(name, id, input, suggestions), withdraw.Token, cancelOnWire: true).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (withdraw.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                state.EndPrompt(id);
                await ToolResultAsync(id, Wire.WithdrawnPromptText, true, null, new JsonArray(new JsonObject
                {
                    ["id"] = id, ["non_execution_kind"] = "user-rejected",
                })).ConfigureAwait(false);
                return null;
            }
        }

        state.EndPrompt(id);
        if (answer.IsError)
        {
            await ToolResultAsync(id, $"Error: {PromptTitle(name, input)}", true, null, null).ConfigureAwait(false);
            return null;
        }

        var body = answer.Body ?? [];
        var behavior = Wire.Str(body["behavior"]);
        var allowed = behavior is "allow" or "allow_session" || (behavior is null && Wire.Bool(body["allowed"]) == true);
        if (!allowed)
        {
            await DenyAsync(name, id, input, Wire.Str(body["message"]) ?? Wire.Str(body["reason"]) ?? string.Empty, state).ConfigureAwait(false);
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

        var outputs = await RunHooksAsync("PermissionRequest", name, fields, null, ct).ConfigureAwait(false);
        return outputs
            .Select(o => (o["hookSpecificOutput"] as JsonObject)?["decision"] as JsonObject)
            .FirstOrDefault(d => Wire.Str(d?["behavior"]) is "allow" or "deny");
    }

    /// <summary>Runs the tool with its authorized input and reports it; returns that input.</summary>
    private async Task<JsonObject> RunAuthorizedToolAsync(QoderScenarioStep step, string id, JsonObject input, CancellationToken ct)
    {
        var name = step.Name ?? "Tool";
        _record?.Write("tool", new JsonObject { ["name"] = name, ["tool_use_id"] = id, ["input"] = input.DeepClone() });
        var (content, isError, toolUseResult, toolResponse) = await ExecuteToolAsync(step, name, input, ct).ConfigureAwait(false);
        await RunHooksAsync("PostToolUse", name, new()
        {
            ["tool_use_id"] = id, ["tool_name"] = name, ["tool_input"] = input.DeepClone(), ["tool_response"] = toolResponse,
        }, id, ct).ConfigureAwait(false);
        await ToolResultAsync(id, content, isError, toolUseResult, null).ConfigureAwait(false);
        return input;
    }

    private bool NeedsPermission(QoderScenarioStep step, string name) => _permissionMode switch
    {
        "bypassPermissions" => false,
        "acceptEdits" when EditTools.Contains(name) => false,
        _ => step.RequiresPermission ?? !ReadOnlyTools.Contains(name),
    };

    private static string PromptTitle(string name, JsonObject input)
    {
        var summary = Wire.Str(input["command"]) ?? Wire.Str(input["file_path"]) ?? input.ToJsonString();
        return $"Allow {name} to run: {summary}?";
    }

    private static JsonArray PermissionSuggestions(string name, JsonObject input) =>
        EditTools.Contains(name) && Wire.Str(input["file_path"]) is not null
            ? new JsonArray(new JsonObject { ["type"] = "setMode", ["mode"] = "acceptEdits", ["destination"] = "session" })
            : [];

    private static JsonObject CanUseToolRequest(string name, string id, JsonObject input, JsonArray suggestions)
    {
        var filePath = Wire.Str(input["file_path"]);
        var edit = EditTools.Contains(name) && filePath is not null;
        var mcp = McpToolName().Match(name);
        JsonObject details = edit
            ? new() { ["type"] = "edit", ["title"] = $"Edit {Path.GetFileName(filePath)}", ["fileName"] = Path.GetFileName(filePath), ["filePath"] = filePath, ["newContent"] = Wire.Str(input["content"]) }
            : mcp.Success
                ? new() { ["type"] = "mcp", ["title"] = name, ["serverName"] = mcp.Groups["server"].Value, ["toolName"] = mcp.Groups["tool"].Value, ["toolArgs"] = input.DeepClone() }
                : new() { ["type"] = "exec", ["title"] = Wire.Str(input["command"]) ?? name, ["command"] = Wire.Str(input["command"]) ?? string.Empty };
        return new JsonObject
        {
            ["subtype"] = "can_use_tool",
            ["tool_name"] = name,
            ["input"] = input.DeepClone(),
            ["tool_use_id"] = id,
            ["display_name"] = mcp.Success ? $"{mcp.Groups["tool"].Value} ({mcp.Groups["server"].Value} MCP Server)" : name,
            ["description"] = $"{name} tool",
            ["title"] = edit ? $"Edit {Path.GetFileName(filePath)}" : Wire.Str(input["command"]) ?? name,
            ["details"] = details,
            ["options"] = new JsonArray(
                new JsonObject { ["outcome"] = "proceed_once", ["name"] = "Allow once", ["allowed"] = true },
                new JsonObject { ["outcome"] = "proceed_always", ["name"] = "Allow for this session", ["allowed"] = true },
                new JsonObject { ["outcome"] = "cancel", ["name"] = "No", ["allowed"] = false }),
            ["permission_suggestions"] = suggestions.DeepClone(),
            ["decision_reason"] = edit ? "No rule covers this write" : "No rule covers this tool",
            ["decision_reason_type"] = "other",
        };
    }

    private async Task DenyAsync(string name, string id, JsonObject input, string message, TurnState state)
    {
        var text = message.Length == 0
            ? Wire.DenyPrefix + "STOP what you are doing and wait for the user to tell you how to proceed."
            : Wire.DenyPrefix + "To tell you how to proceed, the user said:\n" + message;
        await ToolResultAsync(id, text, true, new JsonObject { ["isHardFailure"] = false }, new JsonArray(new JsonObject
        {
            ["id"] = id, ["non_execution_kind"] = "user-rejected", ["user_feedback"] = message,
        })).ConfigureAwait(false);
        await WriteAsync(Stamp(new JsonObject
        {
            ["type"] = "system",
            ["tool_name"] = name,
            ["tool_use_id"] = id,
            ["message"] = text,
            ["decision_reason_type"] = "permissionPromptTool",
            ["decision_reason"] = message,
            ["tool_denial_kind"] = "user-rejected",
            ["subtype"] = "permission_denied",
        })).ConfigureAwait(false);
        lock (state.Gate)
        {
            state.Denials.Add((JsonNode)new JsonObject
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

    private async Task<(JsonNode Content, bool IsError, JsonNode? ToolUseResult, JsonNode? ToolResponse)> ExecuteToolAsync(
        QoderScenarioStep step, string name, JsonObject input, CancellationToken ct)
    {
        var mcp = McpToolName().Match(name);
        if (mcp.Success)
        {
            var server = _mcpServers.FirstOrDefault(s => s.Name == mcp.Groups["server"].Value);
            if (server is null)
            {
                return ($"Error: No such tool available: {name}", true, null, null);
            }

            var answer = await RequestAsync(new JsonObject
            {
                ["subtype"] = "mcp_message",
                ["server_name"] = server.Name,
                ["message"] = new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = server.NextId++,
                    ["method"] = "tools/call",
                    ["params"] = new JsonObject
                    {
                        ["name"] = mcp.Groups["tool"].Value,
                        ["arguments"] = input.DeepClone(),
                        ["_meta"] = new JsonObject { ["progressToken"] = Wire.NewId() },
                    },
                },
            }, ct).ConfigureAwait(false);
            if (answer.IsError)
            {
                return ($"Error: {answer.Error}", true, null, null);
            }

            if (answer.Body?["mcp_response"] is not JsonObject response)
            {
                return ("Error: SDK returned malformed mcp_message response: missing mcp_response", true, null, null);
            }

            if (response["error"] is JsonObject error)
            {
                return ($"MCP error {error["code"]?.ToJsonString()}: {Wire.Str(error["message"])}", true, null, null);
            }

            var content = response["result"]?["content"] as JsonArray ?? [];
            return (content.DeepClone(), Wire.Bool(response["result"]?["isError"]) == true, content.DeepClone(), content.DeepClone());
        }

        if (name == "Write" && Wire.Str(input["file_path"]) is { } path)
        {
            var fileContent = Wire.Str(input["content"]) ?? string.Empty;
            var full = Path.GetFullPath(path, _cwd);
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_cwd)) + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, fileContent, ct).ConfigureAwait(false);
            }

            return (
                step.Result ?? $"File created successfully at: {full}",
                step.IsError == true,
                new JsonObject { ["success"] = true, ["file_path"] = full, ["bytesWritten"] = Encoding.UTF8.GetByteCount(fileContent), ["additions"] = 0, ["deletions"] = 0 },
                new JsonObject { ["type"] = "create", ["filePath"] = full, ["content"] = fileContent, ["structuredPatch"] = new JsonArray(), ["originalFile"] = null });
        }

        var text = step.Result ?? string.Empty;
        return (text, step.IsError == true, null, text);
    }

    private Task ToolResultAsync(string id, JsonNode content, bool isError, JsonNode? toolUseResult, JsonArray? meta)
    {
        var block = new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = content };
        if (isError)
        {
            block["is_error"] = true;
        }

        var message = new JsonObject
        {
            ["type"] = "user",
            ["message"] = new JsonObject { ["role"] = "user", ["content"] = new JsonArray(block) },
            ["parent_tool_use_id"] = null,
            ["session_id"] = _sessionId,
            ["uuid"] = Wire.NewId(),
            ["timestamp"] = Wire.Timestamp(),
            ["isSynthetic"] = false,
        };
        if (toolUseResult is not null)
        {
            message["tool_use_result"] = toolUseResult;
        }

        if (meta is not null)
        {
            message["tool_result_meta"] = meta;
        }

        return WriteAsync(message);
    }

    // ---------------------------------------------------------------- hooks

    private JsonObject HookInput(string eventName, JsonObject fields)
    {
        var home = _env.GetValueOrDefault("HOME") ?? "/root";
        var key = Regex.Replace(_cwd, "[^A-Za-z0-9]", "-");
        var input = new JsonObject
        {
            ["session_id"] = _sessionId,
            ["transcript_path"] = Path.Combine(home, ".qoder", "projects", key, _sessionId + ".jsonl"),
            ["cwd"] = _cwd,
            ["hook_event_name"] = eventName,
            ["permission_mode"] = _permissionMode == "bypassPermissions" ? "yolo" : _permissionMode,
        };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            input[name] = value;
        }

        return input;
    }

    private async Task<List<JsonObject>> RunHooksAsync(string eventName, string? matchValue, JsonObject fields, string? toolUseId, CancellationToken ct)
    {
        var outputs = new List<JsonObject>();
        if (!_hooks.TryGetValue(eventName, out var registrations))
        {
            return outputs;
        }

        var toolEvent = fields.ContainsKey("tool_name");
        foreach (var registration in registrations.Where(r => Matches(r.Matcher, matchValue, toolEvent)))
        {
            foreach (var callbackId in registration.CallbackIds)
            {
                var request = new JsonObject
                {
                    ["subtype"] = "hook_callback",
                    ["callback_id"] = callbackId,
                    ["input"] = HookInput(eventName, (JsonObject)fields.DeepClone()),
                };
                if (toolUseId is not null)
                {
                    request["tool_use_id"] = toolUseId;
                }

                var answer = await RequestAsync(request, ct, timeout: registration.Timeout).ConfigureAwait(false);
                if (!answer.IsError && answer.Body is not null)
                {
                    outputs.Add(answer.Body);
                }
            }
        }

        return outputs;
    }

    /// <summary>A scripted <c>hook_event</c> step: the matcher is tested against the tool name, else the trigger or source.</summary>
    private async Task HookEventAsync(string eventName, JsonObject input, CancellationToken ct)
    {
        var matchValue = Wire.Str(input["tool_name"]) ?? Wire.Str(input["trigger"]) ?? Wire.Str(input["source"]);
        var outputs = await RunHooksAsync(eventName, matchValue, (JsonObject)input.DeepClone(), Wire.Str(input["tool_use_id"]), ct).ConfigureAwait(false);
        _record?.Write("hook_event", new JsonObject { ["event"] = eventName, ["outputs"] = new JsonArray([.. outputs.Select(o => o.DeepClone())]) });
    }

    // MESSAGES.md §5.5: tool names are tested against the matcher as an unanchored regex (equality when it is not one);
    // a trigger or source is a member of a plain `a|b` list, matches a matcher with other regex syntax as a regex, or
    // equals a plain word.
    private static bool Matches(string? matcher, string? value, bool toolEvent)
    {
        if (string.IsNullOrEmpty(matcher) || matcher == "*" || value is null)
        {
            return true;
        }

        if (!toolEvent)
        {
            if (PlainAlternatives().IsMatch(matcher))
            {
                return matcher.Split('|').Contains(value, StringComparer.Ordinal);
            }

            if (!RegexSyntax().IsMatch(matcher))
            {
                return string.Equals(matcher, value, StringComparison.Ordinal);
            }
        }

        try
        {
            return Regex.IsMatch(value, matcher, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return string.Equals(matcher, value, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(\|[A-Za-z0-9_\-]+)+$")]
    private static partial Regex PlainAlternatives();

    [GeneratedRegex(@"[.^$*+?()\[\]{}\\|]")]
    private static partial Regex RegexSyntax();

    private sealed class TurnState
    {
        public List<string> Consumed { get; } = [];

        public JsonArray Denials { get; } = [];

        public int NumTurns { get; set; }

        private readonly HashSet<string> _prompting = new(StringComparer.Ordinal);

        public Lock Gate { get; } = new();

        public bool AbortedWhilePrompting { get; set; }

        public string? LastText { get; set; }

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public void StartPrompt(string toolUseId)
        {
            lock (Gate)
            {
                _prompting.Add(toolUseId);
            }
        }

        public void EndPrompt(string toolUseId)
        {
            lock (Gate)
            {
                _prompting.Remove(toolUseId);
            }
        }

        public bool IsPrompting(string toolUseId)
        {
            lock (Gate)
            {
                return _prompting.Contains(toolUseId);
            }
        }
    }

    private sealed class StepGroup
    {
        public List<QoderScenarioStep> Steps { get; } = [];

        public bool HasToolUse => Steps.Any(s => s.Type == "tool_use");

        public bool HasModelBlocks => Steps.Any(s => s.Type is "text" or "thinking" or "tool_use");
    }
}
