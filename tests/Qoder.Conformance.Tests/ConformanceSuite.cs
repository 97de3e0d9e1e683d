using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>
/// The scenarios every CLI target must pass unchanged. A subclass supplies the target; a scenario a target cannot run
/// offline is overridden there as skipped, with the reason.
/// </summary>
public abstract partial class ConformanceSuite : IAsyncLifetime
{
    // A hang guard, not a speed assertion: the real CLI takes 5-11 s to start on this machine.
    protected static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    private readonly List<QoderClient> _clients = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConformanceRun? _run;

    protected ConformanceSuite(ConformanceTarget target, ITestOutputHelper output)
    {
        Target = target;
        Output = output;
    }

    protected ConformanceTarget Target { get; }

    protected ITestOutputHelper Output { get; }

    protected ConformanceRun Run => _run ?? throw new InvalidOperationException("The run has not started.");

    public async Task InitializeAsync() => _run = await Target.StartRunAsync();

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        var pids = new List<int>();
        foreach (var client in _clients)
        {
            if (client.ProcessId is { } pid)
            {
                pids.Add(pid);
            }

            await client.DisposeAsync().AsTask().WaitAsync(Guard);
        }

        try
        {
            await ProcessWatch.GoneAsync(pids);
        }
        finally
        {
            pids.ForEach(ProcessWatch.KillIfAlive);
            if (_run is not null)
            {
                await _run.DisposeAsync();
            }
        }
    }

    [Fact]
    public virtual async Task Init_reports_version_tools_session_and_protocol()
    {
        var client = await ConnectAsync(ConformanceScript.Reply("unused"));

        var init = client.InitMessage;
        Assert.NotNull(init);
        Assert.Equal("init", init.Subtype);
        Assert.Equal("1.1.52", init.QodercliVersion);
        Assert.StartsWith("1.", init.ProtocolVersion, StringComparison.Ordinal);
        Assert.Contains("Write", init.Tools);
        Assert.Contains("Bash", init.Tools);
        Assert.True(Guid.TryParse(client.SessionId, out _), $"session id {client.SessionId} is a uuid");
        Assert.Equal(Run.Work, init.Cwd);
        Assert.True(client.IsConnected);
        Assert.Equal(JsonValueKind.Object, client.InitializeResponse?.ValueKind);
    }

    [Fact]
    public virtual async Task Text_turn_returns_the_text_and_a_success_result()
    {
        var client = await ConnectAsync(ConformanceScript.Reply("Hello from the model."));

        var messages = await TurnAsync(client, "Say hello.");

        Assert.Equal(["Hello from the model."], AssistantTexts(messages));
        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.False(result.IsError);
        Assert.Equal(1, result.NumTurns);
        Assert.Empty(result.PermissionDenials);
        Assert.Equal(client.SessionId, result.SessionId);
    }

    [Fact]
    public virtual async Task Tool_turn_allowed_really_writes_the_file()
    {
        var target = Path.Combine(Run.Work, "allowed.txt");
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(WriteScript(target, "written by the agent"), permissions);

        var messages = await TurnAsync(client, "Write allowed.txt.");

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Equal(2, result.NumTurns);
        Assert.Empty(result.PermissionDenials);
        Assert.Equal("written by the agent", await File.ReadAllTextAsync(target));
        var request = Assert.Single(permissions.Requests);
        Assert.Equal("Write", request.ToolName);
        var toolResult = Assert.Single(ToolResults(messages));
        Assert.NotEqual(true, toolResult.IsError);
        Assert.Equal(["Writing the file.", "All done."], AssistantTexts(messages));
    }

    [Fact]
    public virtual async Task Tool_turn_denied_gives_an_error_tool_result_and_a_permission_denial()
    {
        var target = Path.Combine(Run.Work, "denied.txt");
        var permissions = new PermissionLog((_, _) => Task.FromResult(QoderToolPermissionResult.Deny("not in this test")));
        var client = await ConnectAsync(WriteScript(target, "must not be written"), permissions);

        var messages = await TurnAsync(client, "Write denied.txt.");

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        var denial = Assert.Single(result.PermissionDenials);
        Assert.Equal("Write", denial.ToolName);
        var toolUse = Assert.Single(ToolUses(messages));
        Assert.Equal(toolUse.Id, denial.ToolUseId);
        var toolResult = Assert.Single(ToolResults(messages));
        Assert.True(toolResult.IsError);
        Assert.Equal(toolUse.Id, toolResult.ToolUseId);
        Assert.Contains("not in this test", toolResult.ContentText, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public virtual async Task Tool_turn_allowed_with_updated_input_runs_the_updated_input()
    {
        var target = Path.Combine(Run.Work, "updated.txt");
        var permissions = new PermissionLog((request, _) =>
        {
            var input = JsonNode.Parse(request.Input.GetRawText())!.AsObject();
            input["content"] = "rewritten by the host";
            return Task.FromResult(QoderToolPermissionResult.Allow(JsonSerializer.SerializeToElement(input)));
        });
        var client = await ConnectAsync(WriteScript(target, "original content"), permissions);

        var messages = await TurnAsync(client, "Write updated.txt.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("rewritten by the host", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public virtual async Task Permission_prompt_names_the_tool_use_the_model_asked_for()
    {
        var target = Path.Combine(Run.Work, "prompted.txt");
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(WriteScript(target, "abc"), permissions);

        var messages = await TurnAsync(client, "Write prompted.txt.");

        var toolUse = Assert.Single(ToolUses(messages));
        var request = Assert.Single(permissions.Requests);
        Assert.Equal(toolUse.Id, request.ToolUseId);
        Assert.Equal(target, request.Input.GetProperty("file_path").GetString());
        Assert.Equal("abc", request.Input.GetProperty("content").GetString());
        Assert.Equal(toolUse.Id, Assert.Single(ToolResults(messages)).ToolUseId);
    }

    [Fact]
    public virtual async Task Two_tool_calls_in_one_turn_run_in_order()
    {
        var first = Path.Combine(Run.Work, "one.txt");
        var second = Path.Combine(Run.Work, "two.txt");
        var script = ConformanceScript.Create().Turn(t => t
            .ToolCall("Write", WriteInput(first, "1"), "First file.")
            .ToolCall("Write", WriteInput(second, "2"), "Second file.")
            .Text("Both written."));
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(script, permissions);

        var messages = await TurnAsync(client, "Write two files.");

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal(3, result.NumTurns);
        Assert.Equal([first, second], permissions.Requests.Select(r => r.Input.GetProperty("file_path").GetString()));
        Assert.Equal("1", await File.ReadAllTextAsync(first));
        Assert.Equal("2", await File.ReadAllTextAsync(second));
        Assert.Equal(2, ToolResults(messages).Count);
    }

    [Fact]
    public virtual async Task PreToolUse_hook_deny_blocks_the_tool()
    {
        var target = Path.Combine(Run.Work, "blocked.txt");
        var permissions = PermissionLog.AllowAll();
        var seen = new ConcurrentQueue<QoderHookInput>();
        var client = await ConnectAsync(WriteScript(target, "must not be written"), permissions, o =>
            o.Hooks.Add(QoderHookEvent.PreToolUse, "Write", 30, Record(seen, QoderHookOutput.DenyTool("writes are frozen"))));

        var messages = await TurnAsync(client, "Write blocked.txt.");

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Empty(result.PermissionDenials);
        var toolUse = Assert.Single(ToolUses(messages));
        var pre = Assert.IsType<QoderPreToolUseHookInput>(Assert.Single(seen));
        Assert.Equal("Write", pre.ToolName);
        Assert.Equal(toolUse.Id, pre.ToolUseId);
        Assert.Equal(target, pre.ToolInput.GetProperty("file_path").GetString());
        var toolResult = Assert.Single(ToolResults(messages));
        Assert.True(toolResult.IsError);
        Assert.Equal(toolUse.Id, toolResult.ToolUseId);
        Assert.Equal("Error: Tool execution blocked: writes are frozen", toolResult.ContentText);
        Assert.Empty(permissions.Requests);
        Assert.False(File.Exists(target));
        Assert.Equal(["Writing the file.", "All done."], AssistantTexts(messages));
    }

    [Fact]
    public virtual async Task PreToolUse_hook_updated_input_is_what_the_tool_writes()
    {
        var target = Path.Combine(Run.Work, "hooked.txt");
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(WriteScript(target, "original content"), permissions, o =>
            o.Hooks.Add(QoderHookEvent.PreToolUse, "Write", 30, (input, _) =>
            {
                var changed = JsonNode.Parse(((QoderPreToolUseHookInput)input).ToolInput.GetRawText())!.AsObject();
                changed["content"] = "rewritten by the hook";
                return ValueTask.FromResult<QoderHookOutput?>(QoderHookOutput.UpdateToolInput(JsonSerializer.SerializeToElement(changed)));
            }));

        var messages = await TurnAsync(client, "Write hooked.txt.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("rewritten by the hook", await File.ReadAllTextAsync(target));
        var request = Assert.Single(permissions.Requests);
        Assert.Equal("rewritten by the hook", request.Input.GetProperty("content").GetString());
        Assert.NotEqual(true, Assert.Single(ToolResults(messages)).IsError);
    }

    [Fact]
    public virtual async Task PostToolUse_hook_sees_the_tool_result()
    {
        var target = Path.Combine(Run.Work, "post.txt");
        var seen = new ConcurrentQueue<QoderHookInput>();
        var client = await ConnectAsync(WriteScript(target, "after the fact"), PermissionLog.AllowAll(), o =>
            o.Hooks.Add(QoderHookEvent.PostToolUse, "Write", 30, Record(seen)));

        var messages = await TurnAsync(client, "Write post.txt.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var toolUse = Assert.Single(ToolUses(messages));
        var post = Assert.IsType<QoderPostToolUseHookInput>(Assert.Single(seen));
        Assert.Equal("PostToolUse", post.EventName);
        Assert.Equal("Write", post.ToolName);
        Assert.Equal(toolUse.Id, post.ToolUseId);
        Assert.Equal(client.SessionId, post.SessionId);
        Assert.Equal(target, post.ToolInput.GetProperty("file_path").GetString());
        Assert.Equal("after the fact", post.ToolInput.GetProperty("content").GetString());
        var response = Assert.NotNull(post.ToolResponse);
        Assert.Equal("create", response.GetProperty("type").GetString());
        Assert.Equal(target, response.GetProperty("filePath").GetString());
        Assert.Equal("after the fact", response.GetProperty("content").GetString());
        Assert.Equal("after the fact", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public virtual async Task UserPromptSubmit_hook_sees_the_prompt()
    {
        var seen = new ConcurrentQueue<QoderHookInput>();
        var client = await ConnectAsync(ConformanceScript.Reply("Heard you."), configure: o =>
            o.Hooks.Add(QoderHookEvent.UserPromptSubmit, Record(seen, QoderHookOutput.AddContext(QoderHookEvent.UserPromptSubmit, "The user is on the free plan."))));

        var messages = await TurnAsync(client, "Can you hear me?");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(["Heard you."], AssistantTexts(messages));
        var submitted = Assert.IsType<QoderUserPromptSubmitHookInput>(Assert.Single(seen));
        Assert.Equal("UserPromptSubmit", submitted.EventName);
        Assert.Equal("Can you hear me?", submitted.Prompt);
        Assert.Equal(client.SessionId, submitted.SessionId);
        Assert.Equal(Run.Work, submitted.Cwd);
        Assert.Null(submitted.ToolUseId);
    }

    [Fact]
    public virtual async Task Stop_hook_runs_at_the_end_of_the_turn()
    {
        var target = Path.Combine(Run.Work, "stop.txt");
        var seen = new ConcurrentQueue<QoderHookInput>();
        var fileAtStop = new ConcurrentQueue<bool>();
        var client = await ConnectAsync(WriteScript(target, "before the stop"), PermissionLog.AllowAll(), o =>
            o.Hooks.Add(QoderHookEvent.Stop, (input, _) =>
            {
                fileAtStop.Enqueue(File.Exists(target));
                seen.Enqueue(input);
                return ValueTask.FromResult<QoderHookOutput?>(null);
            }));

        var messages = await TurnAsync(client, "Write stop.txt.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var stop = Assert.IsType<QoderStopHookInput>(Assert.Single(seen));
        Assert.Equal("Stop", stop.EventName);
        Assert.False(stop.StopHookActive);
        Assert.Equal("All done.", stop.LastAssistantMessage);
        Assert.Equal(client.SessionId, stop.SessionId);
        Assert.True(Assert.Single(fileAtStop), "the tool had run when the Stop hook was called");
    }

    [Fact]
    public virtual async Task In_process_mcp_tool_call_returns_the_host_result()
    {
        var script = ConformanceScript.Create().Turn(t => t
            .ToolCall("mcp__demo__echo", new JsonObject { ["text"] = "ping" }, "Echoing.")
            .Text("All done."));
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(script, permissions, o =>
            o.SdkMcpServers["demo"] = new QoderSdkMcpServer().AddTool((string text) => "ECHO:" + text, "echo", "Echoes the text back.", readOnly: true));

        var messages = await TurnAsync(client, "Echo ping.");

        Assert.Contains("mcp__demo__echo", client.InitMessage!.Tools);
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var toolUse = Assert.Single(ToolUses(messages));
        Assert.Equal("mcp__demo__echo", toolUse.Name);
        var request = Assert.Single(permissions.Requests);
        Assert.Equal("mcp__demo__echo", request.ToolName);
        Assert.Equal(toolUse.Id, request.ToolUseId);
        var toolResult = Assert.Single(ToolResults(messages));
        Assert.Equal(toolUse.Id, toolResult.ToolUseId);
        Assert.NotEqual(true, toolResult.IsError);
        Assert.Contains("ECHO:ping", toolResult.ContentText, StringComparison.Ordinal);
        Assert.Equal(["Echoing.", "All done."], AssistantTexts(messages));
    }

    [Fact]
    public virtual async Task Partial_messages_stream_text_deltas_before_the_full_text()
    {
        var script = ConformanceScript.Create().Turn(t => t.Text("Hello world.", "Hel", "lo ", "world."));
        var client = await ConnectAsync(script, configure: o => o.IncludePartialMessages = true);

        var messages = await TurnAsync(client, "Say hello.");

        var deltas = messages.OfType<StreamEventMessage>().Where(e => e.DeltaType == "text_delta").Select(e => e.DeltaText).ToList();
        Assert.Equal(["Hel", "lo ", "world."], deltas);
        Assert.Equal(["Hello world."], AssistantTexts(messages));
        var lastDelta = messages.FindLastIndex(m => m is StreamEventMessage { DeltaType: "text_delta" });
        var text = messages.FindIndex(m => m is AssistantMessage);
        Assert.True(lastDelta < text, "the deltas come before the assistant message");
    }

    [Fact]
    public virtual async Task Interrupt_ends_a_waiting_turn_with_error_during_execution()
    {
        var target = Path.Combine(Run.Work, "interrupted.txt");
        var permissions = PermissionLog.Pending(_release.Task);
        var client = await ConnectAsync(WriteScript(target, "never"), permissions);

        await client.SendAsync("Write interrupted.txt.");
        var turn = CollectAsync(client.ReceiveResponseAsync());
        await permissions.FirstRequest.WaitAsync(Guard);
        await client.InterruptAsync().WaitAsync(Guard);
        var messages = Log(await turn.WaitAsync(Guard));

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("error_during_execution", result.Subtype);
        Assert.True(result.IsError);

        // The real CLI reports either, depending on whether the withdrawn prompt or the aborted stream ends the turn first
        // (docs/protocol.md, Control requests; both seen on route A).
        Assert.Contains(result.TerminalReason, new[] { "aborted_streaming", "aborted_tools" });
        var withdrawn = Assert.Single(ToolResults(messages));
        Assert.True(withdrawn.IsError);
        Assert.Contains("Do not repeat this call", withdrawn.ContentText, StringComparison.Ordinal);
        await permissions.Withdrawn.WaitAsync(Guard);
        Assert.False(File.Exists(target));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public virtual async Task Multi_turn_gives_two_results_with_one_session_id()
    {
        var script = ConformanceScript.Create().Turn(t => t.Text("First answer.")).Turn(t => t.Text("Second answer."));
        var client = await ConnectAsync(script);

        var first = await TurnAsync(client, "First question.");
        var second = await TurnAsync(client, "Second question.");

        Assert.Equal(["First answer."], AssistantTexts(first));
        Assert.Equal(["Second answer."], AssistantTexts(second));
        var results = new[] { first[^1], second[^1] }.Cast<ResultMessage>().ToList();
        Assert.All(results, r => Assert.Equal("success", r.Subtype));
        Assert.Single(first.OfType<ResultMessage>());
        Assert.Single(second.OfType<ResultMessage>());
        Assert.Equal(client.SessionId, results[0].SessionId);
        Assert.Equal(client.SessionId, results[1].SessionId);
    }

    [Fact]
    public virtual async Task Set_model_is_accepted_and_the_next_turn_runs()
    {
        var client = await ConnectAsync(ConformanceScript.Reply("Still here."));

        await client.SetModelAsync(ModelToSwitchTo).WaitAsync(Guard);
        var messages = await TurnAsync(client, "Are you there?");

        Assert.Equal(["Still here."], AssistantTexts(messages));
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(ModelToSwitchTo, client.InitMessage?.Model);
    }

    [Fact]
    public virtual async Task Set_permission_mode_accept_edits_writes_without_asking()
    {
        var target = Path.Combine(Run.Work, "accepted.txt");
        var permissions = PermissionLog.AllowAll();
        var client = await ConnectAsync(WriteScript(target, "no prompt"), permissions);

        await client.SetPermissionModeAsync(QoderPermissionMode.AcceptEdits).WaitAsync(Guard);
        var messages = await TurnAsync(client, "Write accepted.txt.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Empty(permissions.Requests);
        Assert.Equal("no prompt", await File.ReadAllTextAsync(target));
        Assert.Equal("acceptEdits", client.InitMessage?.PermissionMode);
    }

    [Fact]
    public virtual async Task Resume_by_session_id_continues_the_same_session()
    {
        var first = await ConnectAsync(ConformanceScript.Reply("Remember me."));
        await TurnAsync(first, "First session turn.");
        var sessionId = first.SessionId;
        Assert.NotNull(sessionId);
        await first.DisposeAsync();

        var second = await ConnectAsync(ConformanceScript.Reply("Welcome back."), configure: o => o.Resume = sessionId);
        var messages = await TurnAsync(second, "Second session turn.");

        Assert.Equal(sessionId, second.SessionId);
        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.Equal(sessionId, result.SessionId);
        Assert.Equal(["Welcome back."], AssistantTexts(messages));
    }

    [Fact]
    public virtual async Task Authentication_failure_throws_QoderAuthenticationException()
    {
        var options = await Target.CreateOptionsAsync(Run, ConformanceScript.Reply("unused"), rejectCredentials: true);
        var client = Track(new QoderClient(options));

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("access_token_invalid", error.TerminalReason);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public virtual async Task Cancellation_mid_turn_throws_OperationCanceledException_and_leaves_no_process()
    {
        var permissions = PermissionLog.Pending(_release.Task);
        var client = await ConnectAsync(WriteScript(Path.Combine(Run.Work, "cancelled.txt"), "never"), permissions);
        var pid = client.ProcessId!.Value;

        using var cancellation = new CancellationTokenSource();
        await client.SendAsync("Write cancelled.txt.");
        var turn = CollectAsync(client.ReceiveResponseAsync(cancellation.Token));
        await permissions.FirstRequest.WaitAsync(Guard);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn.WaitAsync(Guard));
        await client.DisposeAsync().AsTask().WaitAsync(Guard);
        await ProcessWatch.GoneAsync(pid);
    }

    [Fact]
    public virtual async Task QoderQuery_runs_one_prompt_to_its_result()
    {
        var options = await Target.CreateOptionsAsync(Run, ConformanceScript.Reply("One shot."));

        var messages = Log(await CollectAsync(QoderQuery.RunAsync("Just once.", options)).WaitAsync(Guard));

        Assert.IsType<SystemInitMessage>(messages.First(m => m is SystemInitMessage));
        Assert.Equal(["One shot."], AssistantTexts(messages));
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
    }

    [Fact]
    public virtual async Task Dispose_after_a_turn_stops_the_process()
    {
        var client = await ConnectAsync(ConformanceScript.Reply("Bye."));
        await TurnAsync(client, "Say bye.");
        var pid = client.ProcessId!.Value;

        await client.DisposeAsync().AsTask().WaitAsync(Guard);

        await ProcessWatch.GoneAsync(pid);
        Assert.True(client.Completion.IsCompleted);
        Assert.False(client.IsConnected);
    }

    /// <summary>The model name <c>set_model</c> switches to; targets may only know some names.</summary>
    protected virtual string ModelToSwitchTo => "auto";

    protected static JsonObject WriteInput(string path, string content) => new() { ["file_path"] = path, ["content"] = content };

    protected static ConformanceScript WriteScript(string path, string content) => ConformanceScript.Create().Turn(t => t
        .ToolCall("Write", WriteInput(path, content), "Writing the file.")
        .Text("All done."));

    protected async Task<QoderClient> ConnectAsync(ConformanceScript script, PermissionLog? permissions = null, Action<QoderAgentOptions>? configure = null)
    {
        var options = await Target.CreateOptionsAsync(Run, script);
        if (permissions is not null)
        {
            options.CanUseTool = permissions.DecideAsync;
        }

        configure?.Invoke(options);
        var client = Track(new QoderClient(options));
        await client.ConnectAsync().WaitAsync(Guard);
        return client;
    }

    protected QoderClient Track(QoderClient client)
    {
        _clients.Add(client);
        return client;
    }

    protected async Task<List<QoderMessage>> TurnAsync(QoderClient client, string prompt)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.SendAsync(prompt).WaitAsync(Guard);
        return Log(await CollectAsync(client.ReceiveResponseAsync()).WaitAsync(Guard));
    }

    /// <summary>Writes the message sequence to the test output, so the targets' sequences can be compared.</summary>
    protected List<QoderMessage> Log(List<QoderMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Output.WriteLine($"{Target.Name}: {message.GetType().Name} {Summary(message)}");
        }

        return messages;
    }

    protected static async Task<List<QoderMessage>> CollectAsync(IAsyncEnumerable<QoderMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = new List<QoderMessage>();
        await foreach (var message in messages)
        {
            list.Add(message);
        }

        return list;
    }

    /// <summary>A hook callback that records each input and answers <paramref name="output"/>.</summary>
    protected static QoderHookCallback Record(ConcurrentQueue<QoderHookInput> seen, QoderHookOutput? output = null)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return (input, _) =>
        {
            seen.Enqueue(input);
            return ValueTask.FromResult(output);
        };
    }

    protected static List<string> AssistantTexts(IEnumerable<QoderMessage> messages) => messages.AssistantTexts();

    protected static List<ToolUseBlock> ToolUses(IEnumerable<QoderMessage> messages) =>
        [.. messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content.OfType<ToolUseBlock>())];

    protected static List<ToolResultBlock> ToolResults(IEnumerable<QoderMessage> messages) => messages.ToolResults();

    private static string Summary(QoderMessage message) => message switch
    {
        ResultMessage r => $"{r.Subtype} turns={r.NumTurns} result={r.Result} reason={r.TerminalReason} denials={r.PermissionDenials.Count}",
        AssistantMessage a => string.Join(" | ", a.Message.Content.Select(b => b switch
        {
            TextBlock t => "text:" + t.Text,
            ToolUseBlock u => "tool_use:" + u.Name,
            _ => b.GetType().Name,
        })),
        UserMessage u => string.Join(" | ", u.Message.Blocks.Select(b => b is ToolResultBlock t ? $"tool_result error={t.IsError}: {t.ContentText}" : b.GetType().Name)),
        SystemInitMessage i => $"init model={i.Model} mode={i.PermissionMode}",
        SystemMessage s => s.Subtype,
        CommandLifecycleMessage c => c.State,
        StreamEventMessage e => $"{e.EventType} {e.DeltaType} {e.DeltaText}",
        _ => message.Type,
    };
}
