using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Tools;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Per-event registrations (<c>OnFileChanged</c>, …) hand each callback its event's typed input, read from the stand-in's hooks.</summary>
public sealed class TypedHookRegistrationStandInTests : StandInTestClass
{
    [Fact]
    public void Every_event_with_fields_has_a_typed_registration_and_input()
    {
        var methods = typeof(QoderHookCollection).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && m.GetParameters().Length == 1)
            .ToDictionary(m => m.Name[2..], m => m.GetParameters()[0].ParameterType.GetGenericArguments()[0]);
        foreach (var hookEvent in Enum.GetValues<QoderHookEvent>().Where(e => e != QoderHookEvent.Notification))
        {
            Assert.True(methods.TryGetValue(hookEvent.ToString(), out var input), $"No On{hookEvent}");
            Assert.Equal($"Qoder{hookEvent}HookInput", input!.Name);
        }
    }

    [Fact]
    public async Task Typed_callbacks_receive_the_fields_of_their_event()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .HookEvent("PostToolUseFailure", new JsonObject { ["tool_name"] = "Bash", ["tool_input"] = new JsonObject { ["command"] = "false" }, ["tool_use_id"] = "toolu_f", ["error"] = "exit code 1", ["is_interrupt"] = false })
            .HookEvent("SubagentStop", new JsonObject { ["stop_hook_active"] = false, ["agent_id"] = "agent_1", ["agent_transcript_path"] = "/tmp/a1.jsonl", ["agent_type"] = "explorer", ["last_assistant_message"] = "found" })
            .HookEvent("PreCompact", new JsonObject { ["trigger"] = "manual", ["custom_instructions"] = "keep the plan" })
            .HookEvent("PermissionDenied", new JsonObject { ["tool_name"] = "Write", ["tool_input"] = new JsonObject { ["file_path"] = "/d.txt", ["content"] = "x" }, ["tool_use_id"] = "toolu_d", ["denial_reason"] = "rule" })
            .HookEvent("InstructionsLoaded", new JsonObject { ["file_path"] = "/repo/AGENTS.md", ["memory_type"] = "Project", ["load_reason"] = "session_start", ["globs"] = new JsonArray("*.cs") })
            .HookEvent("CwdChanged", new JsonObject { ["old_cwd"] = "/old", ["new_cwd"] = "/new" })
            .HookEvent("FileChanged", new JsonObject { ["file_path"] = "/repo/a.txt", ["event"] = "unlink" })
            .HookEvent("WorktreeRemove", new JsonObject { ["worktree_path"] = "/repo/.worktrees/f" })
            .HookEvent("ConfigChange", new JsonObject { ["source"] = "project_settings", ["file_path"] = "/repo/.qoder/settings.json" })
            .HookEvent("ElicitationResult", new JsonObject { ["mcp_server_name"] = "demo", ["elicitation_id"] = "e1", ["action"] = "decline" })
            .Text("Fired.")));
        var seen = new ConcurrentDictionary<string, string>();
        ValueTask<QoderHookOutput?> Record(string key, string value)
        {
            seen[key] = value;
            return ValueTask.FromResult<QoderHookOutput?>(null);
        }

        options.Hooks
            .OnPostToolUseFailure("Bash", (i, _) => Record("failure", $"{i.ToolName}|{i.Error}|{i.IsInterrupt}|{i.ToolInputAs<QoderBashInput>().Command}"))
            .OnSubagentStop((i, _) => Record("subagent", $"{i.AgentId}|{i.AgentType}|{i.AgentTranscriptPath}|{i.LastAssistantMessage}"))
            .OnPreCompact((i, _) => Record("compact", $"{i.Trigger}|{i.CustomInstructions}"))
            .OnPermissionDenied((i, _) => Record("denied", $"{i.ToolInputAs<QoderWriteInput>().FilePath}|{i.DenialReason}|{i.ToolUseId}"))
            .OnInstructionsLoaded((i, _) => Record("instructions", $"{i.FilePath}|{i.MemoryType}|{i.LoadReason}|{string.Join(',', i.Globs!)}"))
            .OnCwdChanged((i, _) => Record("cwd", $"{i.OldCwd}|{i.NewCwd}"))
            .OnFileChanged((i, _) => Record("file", $"{i.FilePath}|{i.ChangeKind}"))
            .OnWorktreeRemove((i, _) => Record("worktree", i.WorktreePath))
            .OnConfigChange((i, _) => Record("config", $"{i.Source}|{i.FilePath}"))
            .OnElicitationResult((i, _) => Record("elicitation", $"{i.McpServerName}|{i.ElicitationId}|{i.Action}"));

        var messages = await StandInHarness.QueryAsync("fire", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("Bash|exit code 1|False|false", seen["failure"]);
        Assert.Equal("agent_1|explorer|/tmp/a1.jsonl|found", seen["subagent"]);
        Assert.Equal("manual|keep the plan", seen["compact"]);
        Assert.Equal("/d.txt|rule|toolu_d", seen["denied"]);
        Assert.Equal("/repo/AGENTS.md|Project|session_start|*.cs", seen["instructions"]);
        Assert.Equal("/old|/new", seen["cwd"]);
        Assert.Equal("/repo/a.txt|unlink", seen["file"]);
        Assert.Equal("/repo/.worktrees/f", seen["worktree"]);
        Assert.Equal("project_settings|/repo/.qoder/settings.json", seen["config"]);
        Assert.Equal("demo|e1|decline", seen["elicitation"]);
    }

    [Fact]
    public void Typed_outputs_write_the_fields_of_the_official_types()
    {
        var start = new QoderHookOutput { HookSpecificOutput = new QoderSessionStartHookOutput { AdditionalContext = "ctx", InitialUserMessage = "go", WatchPaths = ["/a"] } };
        Assert.Equal("""{"hookSpecificOutput":{"hookEventName":"SessionStart","additionalContext":"ctx","initialUserMessage":"go","watchPaths":["/a"]}}""", start.ToJson().ToJsonString());
        var watch = new QoderHookOutput { HookSpecificOutput = new QoderWatchPathsHookOutput(QoderHookEvent.FileChanged, ["/b"]) };
        Assert.Equal("""{"hookSpecificOutput":{"hookEventName":"FileChanged","watchPaths":["/b"]}}""", watch.ToJson().ToJsonString());
        var worktree = new QoderHookOutput { HookSpecificOutput = new QoderWorktreeCreateHookOutput("/w") };
        Assert.Equal("""{"hookSpecificOutput":{"hookEventName":"WorktreeCreate","worktreePath":"/w"}}""", worktree.ToJson().ToJsonString());
        var elicitation = new QoderHookOutput { HookSpecificOutput = new QoderElicitationHookOutput(QoderHookEvent.Elicitation) { Action = "cancel" } };
        Assert.Equal("""{"hookSpecificOutput":{"hookEventName":"Elicitation","action":"cancel"}}""", elicitation.ToJson().ToJsonString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new QoderWatchPathsHookOutput(QoderHookEvent.Stop, []));
    }
}
