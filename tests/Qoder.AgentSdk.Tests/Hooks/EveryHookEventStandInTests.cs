using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Every <see cref="QoderHookEvent"/> fired by the stand-in's <c>hook_event</c> step reaches its callback.</summary>
public sealed class EveryHookEventStandInTests : StandInTestClass
{
    private const string Prompt = "fire every hook";
    private const string LastText = "Fired.";

    /// <summary>The event's own input fields (docs/protocol.md, Hooks).</summary>
    private static JsonObject InputFor(QoderHookEvent hookEvent) => hookEvent switch
    {
        QoderHookEvent.PreToolUse => new() { ["tool_name"] = "Bash", ["tool_input"] = new JsonObject { ["command"] = "ls" }, ["tool_use_id"] = "toolu_pre" },
        QoderHookEvent.PostToolUse => new()
        {
            ["tool_name"] = "Bash",
            ["tool_input"] = new JsonObject { ["command"] = "ls" },
            ["tool_response"] = "a.txt",
            ["tool_use_id"] = "toolu_post",
        },
        QoderHookEvent.PostToolUseFailure => new()
        {
            ["tool_name"] = "Bash",
            ["tool_input"] = new JsonObject { ["command"] = "false" },
            ["tool_use_id"] = "toolu_fail",
            ["error"] = "exit code 1",
        },
        QoderHookEvent.UserPromptSubmit => new() { ["prompt"] = "scripted prompt" },
        QoderHookEvent.SessionStart => new() { ["source"] = "clear" },
        QoderHookEvent.SessionEnd => new() { ["reason"] = "clear" },
        QoderHookEvent.Stop => new() { ["stop_hook_active"] = true, ["last_assistant_message"] = "scripted stop" },
        QoderHookEvent.StopFailure => new() { ["error"] = "rate_limit", ["last_assistant_message"] = "partial" },
        QoderHookEvent.SubagentStart => new() { ["agent_id"] = "agent_1", ["agent_type"] = "explorer" },
        QoderHookEvent.SubagentStop => new()
        {
            ["stop_hook_active"] = false,
            ["agent_id"] = "agent_1",
            ["agent_transcript_path"] = "/tmp/agent_1.jsonl",
            ["agent_type"] = "explorer",
        },
        QoderHookEvent.PreCompact => new() { ["trigger"] = "manual", ["custom_instructions"] = null },
        QoderHookEvent.PostCompact => new() { ["trigger"] = "auto", ["compact_summary"] = "summary" },
        QoderHookEvent.CwdChanged => new() { ["old_cwd"] = "/old", ["new_cwd"] = "/new" },
        QoderHookEvent.InstructionsLoaded => new() { ["file_path"] = "/repo/AGENTS.md", ["memory_type"] = "Project", ["load_reason"] = "session_start" },
        QoderHookEvent.FileChanged => new() { ["file_path"] = "/repo/a.txt", ["event"] = "change" },
        QoderHookEvent.PermissionRequest => new() { ["tool_name"] = "Write", ["tool_input"] = new JsonObject { ["file_path"] = "p.txt", ["content"] = "x" } },
        QoderHookEvent.PermissionDenied => new()
        {
            ["tool_name"] = "Write",
            ["tool_input"] = new JsonObject { ["file_path"] = "d.txt" },
            ["tool_use_id"] = "toolu_denied",
            ["denial_reason"] = "rule",
        },
        QoderHookEvent.WorktreeCreate => new() { ["name"] = "feature" },
        QoderHookEvent.WorktreeRemove => new() { ["worktree_path"] = "/repo/.worktrees/feature" },
        QoderHookEvent.Setup => new() { ["trigger"] = "init" },
        QoderHookEvent.TeammateIdle => new() { ["teammate_name"] = "ada", ["team_name"] = "core" },
        QoderHookEvent.TaskCreated => new() { ["task_id"] = "t1", ["task_subject"] = "write docs" },
        QoderHookEvent.TaskCompleted => new() { ["task_id"] = "t1", ["task_subject"] = "write docs", ["teammate_name"] = "ada" },
        QoderHookEvent.Elicitation => new() { ["mcp_server_name"] = "demo", ["message"] = "Pick one", ["elicitation_id"] = "e1" },
        QoderHookEvent.ElicitationResult => new() { ["mcp_server_name"] = "demo", ["elicitation_id"] = "e1", ["action"] = "accept" },
        QoderHookEvent.ConfigChange => new() { ["source"] = "project_settings", ["file_path"] = "/repo/.qoder/settings.json" },
        QoderHookEvent.Notification => new() { ["message"] = "Waiting for input" },
        _ => throw new ArgumentOutOfRangeException(nameof(hookEvent), hookEvent, null),
    };

    [Fact]
    public async Task Every_hook_event_reaches_its_callback_once_with_its_fields()
    {
        var events = Enum.GetValues<QoderHookEvent>();
        Assert.Equal(27, events.Length);
        var options = StandIn.Options(QoderScenario.Create().Turn(t =>
            {
                foreach (var hookEvent in events)
                {
                    t.HookEvent(hookEvent.ToWireName(), InputFor(hookEvent));
                }

                t.Text(LastText);
            }));
        var launch = StandIn.LastLaunch!;
        var calls = new ConcurrentDictionary<QoderHookEvent, ConcurrentQueue<QoderHookInput>>();
        foreach (var hookEvent in events)
        {
            calls[hookEvent] = new ConcurrentQueue<QoderHookInput>();
            QoderHookCallback callback = (input, _) =>
            {
                calls[hookEvent].Enqueue(input);
                return ValueTask.FromResult<QoderHookOutput?>(null);
            };

            // "clear" keeps the stand-in's own SessionStart (source "startup") away from this callback.
            options.Hooks.Add(hookEvent, hookEvent == QoderHookEvent.SessionStart ? "clear" : null, null, callback);
        }

        Dictionary<QoderHookEvent, QoderHookInput[]> seen;
        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync().WaitAsync(StandInHarness.HangGuard);
            var messages = await StandInHarness.TurnAsync(client, Prompt);
            Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);

            // Taken before disposal, so the stand-in's own SessionEnd (sent at stdin EOF) is not counted.
            seen = calls.ToDictionary(c => c.Key, c => c.Value.ToArray());
        }

        // The stand-in fires UserPromptSubmit and Stop itself in every turn; those calls are set apart precisely.
        var ownPrompt = Assert.IsType<QoderUserPromptSubmitHookInput>(Assert.Single(seen[QoderHookEvent.UserPromptSubmit], i => i.Raw.GetProperty("prompt").GetString() == Prompt));
        Assert.Equal(Prompt, ownPrompt.Prompt);
        var ownStop = Assert.IsType<QoderStopHookInput>(Assert.Single(seen[QoderHookEvent.Stop], i => !i.Raw.GetProperty("stop_hook_active").GetBoolean()));
        Assert.Equal(LastText, ownStop.LastAssistantMessage);
        seen[QoderHookEvent.UserPromptSubmit] = [.. seen[QoderHookEvent.UserPromptSubmit].Where(i => i != ownPrompt)];
        seen[QoderHookEvent.Stop] = [.. seen[QoderHookEvent.Stop].Where(i => i != ownStop)];

        foreach (var hookEvent in events)
        {
            var input = Assert.Single(seen[hookEvent]);
            Assert.Equal(hookEvent, input.Event);
            Assert.Equal(hookEvent.ToWireName(), input.EventName);
            Assert.Equal(hookEvent.ToWireName(), input.Raw.GetProperty("hook_event_name").GetString());
            Assert.False(string.IsNullOrEmpty(input.SessionId));
            Assert.False(string.IsNullOrEmpty(input.TranscriptPath));
            Assert.Equal(StandIn.Work, input.Cwd);
            Assert.False(string.IsNullOrEmpty(input.PermissionMode));
            foreach (var (name, value) in InputFor(hookEvent))
            {
                Assert.True(input.Raw.TryGetProperty(name, out var actual), $"{hookEvent} input lacks {name}");
                Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(actual.GetRawText())), $"{hookEvent}.{name} is {actual.GetRawText()}");
            }
        }

        Assert.Equal("ls", Assert.IsType<QoderPreToolUseHookInput>(seen[QoderHookEvent.PreToolUse][0]).ToolInput.GetProperty("command").GetString());
        Assert.Equal("toolu_pre", seen[QoderHookEvent.PreToolUse][0].ToolUseId);
        Assert.Equal("a.txt", Assert.IsType<QoderPostToolUseHookInput>(seen[QoderHookEvent.PostToolUse][0]).ToolResponse!.Value.GetString());
        Assert.Equal("scripted prompt", Assert.IsType<QoderUserPromptSubmitHookInput>(seen[QoderHookEvent.UserPromptSubmit][0]).Prompt);
        Assert.True(Assert.IsType<QoderStopHookInput>(seen[QoderHookEvent.Stop][0]).StopHookActive);
        Assert.Equal("clear", Assert.IsType<QoderSessionStartHookInput>(seen[QoderHookEvent.SessionStart][0]).Source);
        Assert.Equal("clear", Assert.IsType<QoderSessionEndHookInput>(seen[QoderHookEvent.SessionEnd][0]).Reason);
        Assert.Equal("Write", Assert.IsType<QoderPermissionRequestHookInput>(seen[QoderHookEvent.PermissionRequest][0]).ToolName);
        Assert.Equal("toolu_fail", seen[QoderHookEvent.PostToolUseFailure][0].ToolUseId);
        Assert.Equal("explorer", seen[QoderHookEvent.SubagentStart][0].AgentType);

        var recorded = launch.ReadRecording().HookEvents;
        Assert.Equal(events.Select(e => e.ToWireName()), recorded.Select(r => r.GetProperty("event").GetString()));
        Assert.All(recorded, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("outputs").ValueKind));
    }

    [Fact]
    public async Task A_tool_event_matcher_is_tested_against_the_tool_name()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
                .HookEvent("PostToolUseFailure", new JsonObject
                {
                    ["tool_name"] = "Write",
                    ["tool_input"] = new JsonObject { ["file_path"] = "w.txt" },
                    ["tool_use_id"] = "toolu_w",
                    ["error"] = "disk full",
                })
                .Text("Done.")));
        var bashCalls = 0;
        var writeCalls = new ConcurrentQueue<QoderHookInput>();
        options.Hooks
            .Add(QoderHookEvent.PostToolUseFailure, "Bash", null, (_, _) =>
            {
                Interlocked.Increment(ref bashCalls);
                return ValueTask.FromResult<QoderHookOutput?>(null);
            })
            .Add(QoderHookEvent.PostToolUseFailure, "Write|Edit", null, (input, _) =>
            {
                writeCalls.Enqueue(input);
                return ValueTask.FromResult<QoderHookOutput?>(null);
            });

        var messages = await StandInHarness.QueryAsync("fail a write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(0, Volatile.Read(ref bashCalls));
        var input = Assert.Single(writeCalls);
        Assert.Equal(QoderHookEvent.PostToolUseFailure, input.Event);
        Assert.Equal("disk full", input.Raw.GetProperty("error").GetString());
        Assert.Equal("toolu_w", input.ToolUseId);
    }
}
