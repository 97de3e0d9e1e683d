using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Hook callbacks against the scripted stand-in: registration, every event it emits, deny, updated input, failures.</summary>
public sealed class HookStandInTests : StandInTestClass
{
    [Fact]
    public async Task Every_event_the_stand_in_emits_reaches_its_callback_typed()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
                .Text("Writing.")
                .ToolUse("Write", new JsonObject { ["file_path"] = "a.txt", ["content"] = "hi" })
                .Text("Done.")));
        var launch = StandIn.LastLaunch!;
        options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow());
        var seen = new ConcurrentQueue<QoderHookInput>();
        var sessionEnded = new TaskCompletionSource<QoderHookInput>(TaskCreationOptions.RunContinuationsAsynchronously);
        QoderHookCallback record = (input, _) =>
        {
            seen.Enqueue(input);
            if (input.Event == QoderHookEvent.SessionEnd)
            {
                sessionEnded.TrySetResult(input);
            }

            return ValueTask.FromResult<QoderHookOutput?>(null);
        };
        options.Hooks
            .Add(QoderHookEvent.SessionStart, record)
            .Add(QoderHookEvent.UserPromptSubmit, record)
            .Add(QoderHookEvent.PreToolUse, matcher: "Write|Bash", timeoutSeconds: 30, record)
            .Add(QoderHookEvent.PostToolUse, matcher: "Write", timeoutSeconds: null, record)
            .Add(QoderHookEvent.Stop, record)
            .Add(QoderHookEvent.SessionEnd, record);

        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync().WaitAsync(StandInHarness.HangGuard);
            var messages = await StandInHarness.TurnAsync(client, "write a.txt");
            Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        }

        var end = Assert.IsType<QoderSessionEndHookInput>(await sessionEnded.Task.WaitAsync(StandInHarness.HangGuard));
        Assert.Equal("other", end.Reason);
        var inputs = seen.ToArray();
        Assert.Equal(
            [QoderHookEvent.SessionStart, QoderHookEvent.UserPromptSubmit, QoderHookEvent.PreToolUse, QoderHookEvent.PostToolUse, QoderHookEvent.Stop, QoderHookEvent.SessionEnd],
            inputs.Select(i => i.Event!.Value));
        Assert.All(inputs, i => Assert.False(string.IsNullOrEmpty(i.SessionId)));
        Assert.All(inputs, i => Assert.Equal(StandIn.Work, i.Cwd));
        Assert.Equal("startup", Assert.IsType<QoderSessionStartHookInput>(inputs[0]).Source);
        Assert.Equal("write a.txt", Assert.IsType<QoderUserPromptSubmitHookInput>(inputs[1]).Prompt);
        var pre = Assert.IsType<QoderPreToolUseHookInput>(inputs[2]);
        Assert.Equal("Write", pre.ToolName);
        Assert.Equal("hi", pre.ToolInput.GetProperty("content").GetString());
        Assert.StartsWith("toolu_", pre.ToolUseId, StringComparison.Ordinal);
        var post = Assert.IsType<QoderPostToolUseHookInput>(inputs[3]);
        Assert.Equal(pre.ToolUseId, post.ToolUseId);
        Assert.Equal("hi", post.ToolResponse!.Value.GetProperty("content").GetString());
        var stop = Assert.IsType<QoderStopHookInput>(inputs[4]);
        Assert.False(stop.StopHookActive);
        Assert.Equal("Done.", stop.LastAssistantMessage);
        Assert.Equal("Stop", stop.EventName);
        Assert.Equal(JsonValueKind.Object, stop.Raw.ValueKind);

        var initialize = launch.ReadRecording().FramesOfType("control_request")
            .Select(f => f.GetProperty("request")).Single(r => r.GetProperty("subtype").GetString() == "initialize");
        var registered = initialize.GetProperty("hooks");
        var preEntry = registered.GetProperty("PreToolUse")[0];
        Assert.Equal("Write|Bash", preEntry.GetProperty("matcher").GetString());
        Assert.Equal(30, preEntry.GetProperty("timeout").GetInt32());
        Assert.Equal("hook_2", preEntry.GetProperty("hookCallbackIds")[0].GetString());
        Assert.False(registered.GetProperty("Stop")[0].TryGetProperty("matcher", out _));
        Assert.Equal(6, registered.EnumerateObject().Count());
    }

    [Fact]
    public async Task PreToolUse_deny_blocks_the_tool_without_a_permission_prompt()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "no.txt", ["content"] = "x" }).Text("Blocked.")));
        var launch = StandIn.LastLaunch!;
        var prompts = 0;
        options.CanUseTool = (_, _) =>
        {
            Interlocked.Increment(ref prompts);
            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };
        options.Hooks.Add(QoderHookEvent.PreToolUse, "Write", null, (_, _) => ValueTask.FromResult<QoderHookOutput?>(QoderHookOutput.DenyTool("writes are frozen")));

        var messages = await StandInHarness.QueryAsync("write", options);

        var toolResult = messages.ToolResults().Single();
        Assert.True(toolResult.IsError);
        Assert.Equal("Error: Tool execution blocked: writes are frozen", toolResult.ContentText);
        Assert.Equal(0, prompts);
        Assert.Empty(launch.ReadRecording().ToolExecutions);
        Assert.False(File.Exists(Path.Combine(StandIn.Work, "no.txt")));
    }

    [Fact]
    public async Task PreToolUse_updated_input_is_what_the_tool_runs_with()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "b.txt", ["content"] = "original" }).Text("Done.")));
        var launch = StandIn.LastLaunch!;
        options.CanUseTool = (request, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow());
        options.Hooks.Add(QoderHookEvent.PreToolUse, "Write", 10, (input, _) =>
        {
            var pre = (QoderPreToolUseHookInput)input;
            var changed = JsonNode.Parse(pre.ToolInput.GetRawText())!.AsObject();
            changed["content"] = "REWRITTEN";
            return ValueTask.FromResult<QoderHookOutput?>(QoderHookOutput.UpdateToolInput(JsonSerializer.SerializeToElement(changed)));
        });

        var messages = await StandInHarness.QueryAsync("write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("REWRITTEN", launch.ReadRecording().ToolExecutions.Single().Input.GetProperty("content").GetString());
        Assert.Equal("REWRITTEN", await File.ReadAllTextAsync(Path.Combine(StandIn.Work, "b.txt")));
    }

    [Fact]
    public async Task A_throwing_hook_is_a_control_error_and_the_turn_goes_on()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Still fine.")));
        var launch = StandIn.LastLaunch!;
        options.Hooks.Add(QoderHookEvent.UserPromptSubmit, (_, _) => throw new InvalidOperationException("policy store unavailable"));

        await using var client = await StandIn.ConnectAsync(options);
        var messages = await StandInHarness.TurnAsync(client, "hello");

        Assert.Equal("Still fine.", Assert.IsType<ResultMessage>(messages[^1]).Result);
        Assert.True(client.IsConnected);
        var error = launch.ReadRecording().FramesOfType("control_response").Select(f => f.GetProperty("response"))
            .Single(r => r.GetProperty("subtype").GetString() == "error");
        Assert.Equal(HostCallbackError.Message, error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_hook_output_with_every_common_field_reaches_the_cli_as_json()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("ok")));
        var launch = StandIn.LastLaunch!;
        options.Hooks.Add(QoderHookEvent.UserPromptSubmit, (_, _) => ValueTask.FromResult<QoderHookOutput?>(new QoderHookOutput
        {
            Continue = true,
            SuppressOutput = false,
            SystemMessage = "checked",
            Decision = QoderHookDecision.Approve,
            Reason = "fine",
            HookSpecificOutput = new QoderUserPromptSubmitHookOutput { AdditionalContext = "The user is on the free plan." },
        }));
        options.Hooks.Add(QoderHookEvent.Stop, (_, _) => ValueTask.FromResult<QoderHookOutput?>(null));

        await StandInHarness.QueryAsync("hi", options);

        var bodies = launch.ReadRecording().FramesOfType("control_response").Select(f => f.GetProperty("response"))
            .Where(r => r.TryGetProperty("response", out var b) && (b.TryGetProperty("continue", out _) || b.TryGetProperty("hookSpecificOutput", out _)))
            .Select(r => JsonNode.Parse(r.GetProperty("response").GetRawText())!.ToJsonString())
            .ToList();
        Assert.Equal(
            [
                """{"continue":true,"suppressOutput":false,"systemMessage":"checked","decision":"approve","reason":"fine","hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"The user is on the free plan."}}""",
                """{"continue":true}""",
            ],
            bodies);
    }
}
