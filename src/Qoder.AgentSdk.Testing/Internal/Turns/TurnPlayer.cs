using System.Text;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Faults;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Initialize;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;
using Qoder.AgentSdk.Testing.Internal.Tools;

namespace Qoder.AgentSdk.Testing.Internal.Turns;

/// <summary>Plays the scenario's turns in order, one per dequeued user message; past the script each turn replies the default text.</summary>
internal sealed class TurnPlayer(
    SessionState state, SessionOutput output, WorkQueue queue, HookRunner hooks, SdkMcpServers mcp, ScriptedStepPlayer steps,
    AssistantWriter assistant, ToolRunner tools, ModelPolicyClient modelPolicy, TurnCompleteWork turnComplete)
{
    private int _turnIndex;
    private bool _sessionStarted;
    private string _previousPrompts = string.Empty;

    public async Task RunAsync(WorkItem first)
    {
        var scenario = state.Scenario;
        var script = _turnIndex < scenario.Turns.Count
            ? scenario.Turns[_turnIndex]
            : new QoderScenarioTurn { Steps = [new QoderScenarioStep { Type = "text", Text = scenario.DefaultReply }] };
        _turnIndex++;
        using var turnCts = CancellationTokenSource.CreateLinkedTokenSource(state.Lifetime);
        state.TurnCancellation = turnCts;
        var ct = turnCts.Token;
        var turn = new TurnState();
        if (first.Uuid is not null)
        {
            turn.Consumed.Add(first.Uuid);
        }

        var aborted = false;
        var maxTurnsHit = false;
        try
        {
            if (!_sessionStarted)
            {
                _sessionStarted = true;
                var source = state.Resumed ? "resume" : "startup";
                await hooks.RunAsync("SessionStart", source, new() { ["source"] = source }, null, ct).ConfigureAwait(false);
            }

            await output.WriteAsync(InitMessages.SystemInit(state, mcp)).ConfigureAwait(false);
            await output.LifecycleAsync(first.Uuid, "started").ConfigureAwait(false);
            _previousPrompts = state.Transcript.PreviousPrompts();
            await state.Transcript.AddUserAsync(output, first.Uuid, first.Message?["message"]?["content"], state.PermissionMode).ConfigureAwait(false);
            await hooks.RunAsync("UserPromptSubmit", null, new() { ["prompt"] = PromptText(first.Message) }, null, ct).ConfigureAwait(false);
            foreach (var group in StepGroup.Split(script.Steps))
            {
                if (group.HasModelBlocks)
                {
                    if (state.MaxTurns > 0 && turn.NumTurns >= state.MaxTurns)
                    {
                        maxTurnsHit = true;
                        break;
                    }

                    turn.NumTurns++;
                }

                await PlayGroupAsync(group, turn, ct).ConfigureAwait(false);
                if (group.HasToolUse)
                {
                    await JoinQueuedMessagesAsync(turn).ConfigureAwait(false);
                }
            }

            if (!maxTurnsHit)
            {
                await hooks.RunAsync("Stop", null, new() { ["stop_hook_active"] = false, ["last_assistant_message"] = turn.LastText }, null, ct)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (turnCts.IsCancellationRequested && !state.Lifetime.IsCancellationRequested)
        {
            aborted = true;
        }
        finally
        {
            state.TurnCancellation = null;
        }

        await state.Transcript.EndTurnAsync(output).ConfigureAwait(false);
        await output.WriteAsync(TurnResultMessage.Create(state, script.Result, turn, aborted, maxTurnsHit)).ConfigureAwait(false);
        foreach (var uuid in turn.Consumed)
        {
            await output.LifecycleAsync(uuid, aborted ? "cancelled" : "completed").ConfigureAwait(false);
        }

        if (!aborted)
        {
            await turnComplete.RunAsync(PromptText(first.Message), turn.LastText ?? string.Empty, state.Lifetime).ConfigureAwait(false);
        }

        await steps.PlayAllAsync(script.AfterResult, state.Lifetime).ConfigureAwait(false);
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

    private async Task PlayGroupAsync(StepGroup group, TurnState turn, CancellationToken ct)
    {
        var messageId = "msg_" + Wire.NewId();
        var stopReason = group.HasToolUse ? "tool_use" : "end_turn";
        state.CallModel = null;
        if (group.HasModelBlocks && state.ModelPolicyPull)
        {
            var (model, error) = await modelPolicy.AskAsync(_turnIndex - 1, ct).ConfigureAwait(false);
            if (error is not null)
            {
                // The CLI fails the model call with the host's error; the turn ends with it as its last text.
                var failure = $"API Error: model_policy_failed: {error}";
                await assistant.BlockAsync(messageId, "end_turn", new JsonObject { ["type"] = "text", ["text"] = failure, ["citations"] = null }).ConfigureAwait(false);
                turn.LastText = failure;
                return;
            }

            state.CallModel = model;
        }

        var calls = new List<(QoderScenarioStep Step, string Id)>();
        foreach (var step in group.Steps)
        {
            ct.ThrowIfCancellationRequested();
            switch (step.Type)
            {
                case "text":
                    var text = WithHistory(step.Text ?? string.Empty);
                    await assistant.StreamDeltasAsync("text_delta", "text", step.Deltas?.Select(WithHistory) ?? [text]).ConfigureAwait(false);
                    await assistant.BlockAsync(messageId, stopReason, new JsonObject { ["type"] = "text", ["text"] = text, ["citations"] = null })
                        .ConfigureAwait(false);
                    turn.LastText = text;
                    break;
                case "thinking":
                    await assistant.StreamDeltasAsync("thinking_delta", "thinking", [step.Text ?? string.Empty]).ConfigureAwait(false);
                    await assistant.BlockAsync(messageId, stopReason, new JsonObject { ["type"] = "thinking", ["thinking"] = step.Text ?? string.Empty, ["signature"] = "" })
                        .ConfigureAwait(false);
                    break;
                case "tool_use":
                    var id = step.Id ?? "toolu_" + Wire.NewId();
                    await assistant.BlockAsync(messageId, stopReason, new JsonObject
                    {
                        ["type"] = "tool_use",
                        ["id"] = id,
                        ["name"] = step.Name ?? "Tool",
                        ["input"] = step.Input?.DeepClone() ?? new JsonObject(),
                    }).ConfigureAwait(false);
                    calls.Add((step, id));
                    break;
                default:
                    await steps.PlayAsync(step, ct).ConfigureAwait(false);
                    break;
            }
        }

        await tools.RunAsync(calls, turn, ct).ConfigureAwait(false);
    }

    private string WithHistory(string text) => text.Replace(QoderScenario.PreviousPromptsPlaceholder, _previousPrompts, StringComparison.Ordinal);

    /// <summary>After tool results the CLI folds queued user messages into the running turn, echoing each as a replay.</summary>
    private async Task JoinQueuedMessagesAsync(TurnState turn)
    {
        foreach (var item in queue.TakeMessagesJoiningTurn())
        {
            var echo = new JsonObject
            {
                ["type"] = "user",
                ["message"] = item.Message!["message"]?.DeepClone(),
                ["parent_tool_use_id"] = null,
                ["uuid"] = item.Uuid ?? Wire.NewId(),
                ["timestamp"] = Wire.Timestamp(),
                ["isReplay"] = true,
                ["session_id"] = state.SessionId,
            };
            await state.Transcript.AddUserAsync(output, item.Uuid, item.Message!["message"]?["content"], state.PermissionMode).ConfigureAwait(false);
            await output.WriteAsync(echo).ConfigureAwait(false);
            await output.LifecycleAsync(item.Uuid, "started").ConfigureAwait(false);
            if (item.Uuid is not null)
            {
                turn.Consumed.Add(item.Uuid);
            }
        }
    }
}
