using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Permissions;

/// <summary>Tool permission requests handled concurrently, and a pending request withdrawn by the CLI, against the stand-in.</summary>
public sealed class PermissionConcurrencyStandInTests : StandInTestClass
{
    [Fact]
    public async Task Two_permission_requests_in_flight_at_once_reach_the_callback_concurrently()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
                .ConcurrentToolUses(("Read", new JsonObject { ["file_path"] = "a.txt" }), ("Grep", new JsonObject { ["pattern"] = "todo" }))
                .Text("Both read.")));
        var launch = StandIn.LastLaunch!;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new ConcurrentQueue<string>();
        options.CanUseTool = async (request, token) =>
        {
            arrived.Enqueue(request.ToolName);
            if (arrived.Count == 2)
            {
                bothArrived.TrySetResult();
            }

            // Neither answer can be sent until both requests are being handled at the same time.
            await bothArrived.Task.WaitAsync(StandInHarness.HangGuard, token);
            return QoderToolPermissionResult.Allow();
        };

        var messages = await StandInHarness.QueryAsync("read both", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(["Grep", "Read"], arrived.Order(StringComparer.Ordinal));
        var toolUses = messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content).OfType<ToolUseBlock>().ToList();
        var results = messages.ToolResults();
        Assert.Equal(toolUses.Select(t => t.Id), results.Select(r => r.ToolUseId));
        Assert.All(results, r => Assert.NotEqual(true, r.IsError));
        var recording = launch.ReadRecording();
        Assert.Equal(["Read", "Grep"], recording.ToolExecutions.Select(e => e.Name));
        var answers = recording.FramesOfType("control_response").Select(f => f.GetProperty("response").GetProperty("response")).ToList();
        Assert.Equal(toolUses.Select(t => t.Id).Order(StringComparer.Ordinal), answers.Select(a => a.GetProperty("toolUseID").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(answers, a => Assert.Equal("allow", a.GetProperty("behavior").GetString()));
    }

    [Fact]
    public async Task A_permission_request_withdrawn_by_the_CLI_cancels_the_callback_token_and_gets_no_answer()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
                .ToolUseWithWithdrawnPrompt("Bash", new JsonObject { ["command"] = "make deploy" }, TimeSpan.FromMilliseconds(300))
                .Text("Moved on.")));
        var launch = StandIn.LastLaunch!;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        options.CanUseTool = async (_, token) =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return QoderToolPermissionResult.Allow();
        };

        var messages = await StandInHarness.QueryAsync("deploy", options);

        await cancelled.Task.WaitAsync(StandInHarness.HangGuard);
        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Equal("Moved on.", result.Result);
        var toolResult = messages.ToolResults().Single();
        Assert.True(toolResult.IsError);
        var recording = launch.ReadRecording();
        Assert.Empty(recording.ToolExecutions);
        Assert.Empty(recording.FramesOfType("control_response"));
    }
}
