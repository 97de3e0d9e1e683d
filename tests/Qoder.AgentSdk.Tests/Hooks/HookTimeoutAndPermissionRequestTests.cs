using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Hook timeouts enforced by the client, and PermissionRequest hook decisions, against the stand-in.</summary>
public sealed class HookTimeoutAndPermissionRequestTests : StandInTestClass
{
    [Fact]
    public async Task A_hook_slower_than_its_timeout_has_its_token_cancelled_and_the_turn_completes()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Went on.")));
        var launch = StandIn.LastLaunch!;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        options.Hooks.Add(QoderHookEvent.UserPromptSubmit, matcher: null, timeoutSeconds: 1, async (_, token) =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return QoderHookOutput.Stop("never reached");
        });

        var messages = await StandInHarness.QueryAsync("hello", options);

        await cancelled.Task.WaitAsync(StandInHarness.HangGuard);
        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Equal("Went on.", result.Result);

        // The CLI has dropped the call by then. The client's late default answer races the end of the turn (the CLI may
        // already have read EOF), so it may be missing from the record; if it was written, it is the default continue.
        var answers = launch.ReadRecording().FramesOfType("control_response");
        Assert.True(answers.Count <= 1, $"{answers.Count} answers to one hook call");
        foreach (var answer in answers)
        {
            Assert.Equal("success", answer.GetProperty("response").GetProperty("subtype").GetString());
            Assert.True(answer.GetProperty("response").GetProperty("response").GetProperty("continue").GetBoolean());
        }
    }

    [Fact]
    public async Task A_PermissionRequest_hook_that_allows_with_updated_input_answers_the_permission_without_can_use_tool()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "p.txt", ["content"] = "original" }).Text("Done.")));
        var launch = StandIn.LastLaunch!;
        var prompts = 0;
        options.CanUseTool = (_, _) =>
        {
            Interlocked.Increment(ref prompts);
            return ValueTask.FromResult(QoderToolPermissionResult.Deny("the prompt should not be asked"));
        };
        var seen = new ConcurrentQueue<QoderPermissionRequestHookInput>();
        options.Hooks.Add(QoderHookEvent.PermissionRequest, "Write", 30, (input, _) =>
        {
            var request = Assert.IsType<QoderPermissionRequestHookInput>(input);
            seen.Enqueue(request);
            var changed = JsonNode.Parse(request.ToolInput.GetRawText())!.AsObject();
            changed["content"] = "FROM-HOOK";
            return ValueTask.FromResult<QoderHookOutput?>(new QoderHookOutput
            {
                HookSpecificOutput = new QoderPermissionRequestHookOutput(QoderToolPermissionResult.Allow(JsonSerializer.SerializeToElement(changed))),
            });
        });

        var messages = await StandInHarness.QueryAsync("write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(0, prompts);
        var hookInput = Assert.Single(seen);
        Assert.Equal("Write", hookInput.ToolName);
        Assert.Equal("original", hookInput.ToolInput.GetProperty("content").GetString());
        Assert.Null(hookInput.ToolUseId);
        Assert.Equal("setMode", hookInput.PermissionSuggestions!.Value[0].GetProperty("type").GetString());
        Assert.Equal("FROM-HOOK", launch.ReadRecording().ToolExecutions.Single().Input.GetProperty("content").GetString());
        Assert.Equal("FROM-HOOK", await File.ReadAllTextAsync(Path.Combine(StandIn.Work, "p.txt")));
        Assert.DoesNotContain(PermissionAnswers(launch), a => a.TryGetProperty("behavior", out _));
    }

    [Fact]
    public async Task A_PermissionRequest_hook_that_denies_blocks_the_tool_with_its_message()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "rm -rf build" }, result: "removed").Text("Stopped.")));
        var launch = StandIn.LastLaunch!;
        var prompts = 0;
        options.CanUseTool = (_, _) =>
        {
            Interlocked.Increment(ref prompts);
            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };
        options.Hooks.Add(QoderHookEvent.PermissionRequest, "Bash", null, (_, _) => ValueTask.FromResult<QoderHookOutput?>(new QoderHookOutput
        {
            HookSpecificOutput = new QoderPermissionRequestHookOutput(QoderToolPermissionResult.Deny("no shell on this host")),
        }));

        var messages = await StandInHarness.QueryAsync("clean", options);

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Equal(0, prompts);
        var toolResult = messages.ToolResults().Single();
        Assert.True(toolResult.IsError);
        Assert.Contains("no shell on this host", toolResult.ContentText, StringComparison.Ordinal);
        Assert.Single(result.PermissionDenials);
        Assert.Empty(launch.ReadRecording().ToolExecutions);
        Assert.DoesNotContain(PermissionAnswers(launch), a => a.TryGetProperty("behavior", out _));
    }

    [Fact]
    public async Task Without_a_decision_the_PermissionRequest_hook_runs_between_PreToolUse_and_can_use_tool()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "o.txt", ["content"] = "x" }).Text("Done.")));
        var launch = StandIn.LastLaunch!;
        var order = new ConcurrentQueue<string>();
        options.CanUseTool = (_, _) =>
        {
            order.Enqueue("can_use_tool");
            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };
        QoderHookCallback record = (input, _) =>
        {
            order.Enqueue(input.EventName);
            return ValueTask.FromResult<QoderHookOutput?>(null);
        };
        options.Hooks
            .Add(QoderHookEvent.PreToolUse, record)
            .Add(QoderHookEvent.PermissionRequest, record)
            .Add(QoderHookEvent.PostToolUse, record);

        var messages = await StandInHarness.QueryAsync("write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(["PreToolUse", "PermissionRequest", "can_use_tool", "PostToolUse"], order);
        Assert.Equal("x", launch.ReadRecording().ToolExecutions.Single().Input.GetProperty("content").GetString());
    }

    /// <summary>The bodies of the host's success answers to the stand-in's control requests.</summary>
    private static IEnumerable<JsonElement> PermissionAnswers(StandInLaunch launch) =>
        launch.ReadRecording().FramesOfType("control_response")
            .Select(f => f.GetProperty("response"))
            .Where(r => r.TryGetProperty("response", out _))
            .Select(r => r.GetProperty("response"));
}
