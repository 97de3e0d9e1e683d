using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Control;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>hook_callback dispatch through the control channel, with the CLI side scripted line by line.</summary>
public sealed class HookDispatchTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Control_cancel_request_cancels_the_callback_token_and_no_answer_is_sent()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new QoderHookCollection().Add(QoderHookEvent.PreToolUse, async (_, token) =>
        {
            await using var registration = token.Register(() => cancelled.TrySetResult());
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        await using var transport = new ScriptedTransport();
        using var channel = Start(transport, hooks);

        transport.Emit("""{"type":"control_request","request_id":"r1","request":{"subtype":"hook_callback","callback_id":"hook_0","input":{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{}},"tool_use_id":"toolu_1"}}""");
        await started.Task.WaitAsync(Guard);
        transport.Emit("""{"type":"control_cancel_request","request_id":"r1"}""");
        await cancelled.Task.WaitAsync(Guard);
        transport.Emit("""{"type":"control_request","request_id":"r2","request":{"subtype":"hook_callback","callback_id":"hook_9","input":{"hook_event_name":"Stop"}}}""");

        var next = await transport.Written.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal("r2", next.GetProperty("response").GetProperty("request_id").GetString());
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
        Assert.False(transport.Written.TryRead(out _), "the cancelled callback must not be answered");
    }

    [Fact]
    public async Task Unknown_callback_id_is_a_control_error_and_null_output_continues()
    {
        QoderHookInput? received = null;
        var hooks = new QoderHookCollection().Add(QoderHookEvent.SessionStart, (input, _) =>
        {
            received = input;
            return ValueTask.FromResult<QoderHookOutput?>(null);
        });
        await using var transport = new ScriptedTransport();
        using var channel = Start(transport, hooks);

        transport.Emit("""{"type":"control_request","request_id":"a","request":{"subtype":"hook_callback","callback_id":"nope","input":{}}}""");
        var error = (await transport.Written.ReadAsync().AsTask().WaitAsync(Guard)).GetProperty("response");
        transport.Emit("""{"type":"control_request","request_id":"b","request":{"type":"hook_callback","callback_id":"hook_0","input":{"hook_event_name":"SessionStart","source":"resume","session_id":"s1","permission_mode":"yolo","future_field":1}}}""");
        var success = (await transport.Written.ReadAsync().AsTask().WaitAsync(Guard)).GetProperty("response");

        Assert.Equal("error", error.GetProperty("subtype").GetString());
        Assert.Equal("Unknown hook callback: nope", error.GetProperty("error").GetString());
        Assert.Equal("success", success.GetProperty("subtype").GetString());
        Assert.Equal("""{"continue":true}""", success.GetProperty("response").GetRawText());
        var start = Assert.IsType<QoderSessionStartHookInput>(received);
        Assert.Equal("resume", start.Source);
        Assert.Equal("s1", start.SessionId);
        Assert.Equal("yolo", start.PermissionMode);
        Assert.Equal(1, start.Raw.GetProperty("future_field").GetInt32());
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
    }

    [Fact]
    public void Hook_specific_outputs_serialise_as_the_protocol_has_them()
    {
        var input = JsonSerializer.SerializeToElement(new { file_path = "/w/a.txt", content = "X" });
        var pre = new QoderHookOutput
        {
            HookSpecificOutput = new QoderPreToolUseHookOutput
            {
                PermissionDecision = QoderHookPermissionDecision.Ask,
                PermissionDecisionReason = "check",
                UpdatedInput = input,
                AdditionalContext = "ctx",
            },
        };
        Assert.Equal(
            """{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"check","updatedInput":{"file_path":"/w/a.txt","content":"X"},"additionalContext":"ctx"}}""",
            pre.ToJson().ToJsonString());
        Assert.Equal(
            """{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"no","interrupt":true}}}""",
            new QoderHookOutput { HookSpecificOutput = new QoderPermissionRequestHookOutput(QoderToolPermissionResult.Deny("no", interrupt: true)) }.ToJson().ToJsonString());
        Assert.Equal(
            """{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow","updatedInput":{"file_path":"/w/a.txt","content":"X"}}}}""",
            new QoderHookOutput { HookSpecificOutput = new QoderPermissionRequestHookOutput(QoderToolPermissionResult.Allow(input)) }.ToJson().ToJsonString());
        Assert.Equal(
            """{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"seen"}}""",
            new QoderHookOutput { HookSpecificOutput = new QoderPostToolUseHookOutput { AdditionalContext = "seen" } }.ToJson().ToJsonString());
        Assert.Equal(
            """{"continue":false,"stopReason":"budget"}""",
            QoderHookOutput.Stop("budget").ToJson().ToJsonString());
        Assert.Equal(
            """{"hookSpecificOutput":{"hookEventName":"SessionStart","additionalContext":"repo rules"}}""",
            QoderHookOutput.AddContext(QoderHookEvent.SessionStart, "repo rules").ToJson().ToJsonString());
    }

    [Fact]
    public void Every_protocol_event_has_its_wire_name()
    {
        Assert.Equal(27, Enum.GetValues<QoderHookEvent>().Length);
        Assert.Equal("PostToolUseFailure", QoderHookEvent.PostToolUseFailure.ToWireName());
        Assert.Equal(QoderHookEvent.Notification, QoderHookEventExtensions.ParseWireName("Notification"));
        Assert.Null(QoderHookEventExtensions.ParseWireName("3"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QoderHookCollection().Add(QoderHookEvent.Stop, null, 0, (_, _) => default));
    }

    [Fact]
    public void Options_clone_keeps_hooks_servers_and_agents()
    {
        var options = new QoderAgentOptions();
        options.Hooks.Add(QoderHookEvent.Stop, (_, _) => default);
        options.SdkMcpServers["demo"] = new QoderSdkMcpServer { Version = "2.0.0" }.AddTool((string text) => text, "echo");
        options.Agents["reviewer"] = new QoderAgentDefinition { Description = "Reviews", Prompt = "Review.", Tools = ["Read"] };

        var copy = options.Clone();
        options.Hooks.Clear();
        options.SdkMcpServers["demo"].Tools.Clear();
        options.Agents["reviewer"].Tools!.Add("Write");

        Assert.Single(copy.Hooks);
        Assert.Equal("2.0.0", copy.SdkMcpServers["demo"].Version);
        Assert.Single(copy.SdkMcpServers["demo"].Tools);
        Assert.Equal(["Read"], copy.Agents["reviewer"].Tools!);
        var initialize = ControlRequests.Initialize(copy, sdkMode: false);
        Assert.Equal("""["demo"]""", initialize["sdkMcpServers"]!.ToJsonString());
        Assert.Equal("""{"reviewer":{"description":"Reviews","prompt":"Review.","tools":["Read"]}}""", initialize["agents"]!.ToJsonString());
        Assert.Equal("""{"Stop":[{"hookCallbackIds":["hook_0"]}]}""", initialize["hooks"]!.ToJsonString());
    }

    private static ControlChannel Start(ScriptedTransport transport, QoderHookCollection hooks)
    {
        var channel = new ControlChannel(transport, NullLogger.Instance, (subtype, request, token) =>
            subtype == "hook_callback" ? HookDispatcher.AnswerAsync(hooks, request, token) : throw new NotSupportedException(subtype));
        channel.Start();
        return channel;
    }
}
