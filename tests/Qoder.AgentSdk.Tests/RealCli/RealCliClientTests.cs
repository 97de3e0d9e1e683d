using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Tests.Support;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>
/// The client against the real qodercli 1.1.52, offline: route A (headless, scripted model) and route B (SDK mode with a
/// PAT in the auth payload file, against the local backend mock — the production path).
/// </summary>
[Collection(RealCliGroup.Name)]
[Trait("Category", "RealCli")]
public sealed class RealCliClientTests(RealCliFixture cli) : IDisposable
{
    private const string Pat = "pt-realcli-5f0c3a9e7d11";
    private readonly RealCliFolders _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Sdk_mode_turn_writes_a_file_through_the_permission_callback_and_hides_the_pat()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        var target = Path.Combine(_run.Work, "hello.txt");
        mock.EnqueueToolCall("Write", new JsonObject { ["file_path"] = target, ["content"] = "hi there" }, leadingText: "Writing a file.");
        mock.EnqueueText("All done.");
        var logs = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = cli.RouteB(_run, mock, Pat);
        var asked = new ConcurrentQueue<QoderToolPermissionRequest>();
        options.CanUseTool = (request, _) =>
        {
            asked.Enqueue(request);
            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };

        await using var client = new QoderClient(options, loggerFactory);
        await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);

        var pid = client.ProcessId!.Value;
        Assert.DoesNotContain(Pat, ProcessWatch.CommandLine(pid), StringComparison.Ordinal);
        Assert.False(Directory.Exists(client.PayloadDirectory), "the payload folder is removed once the CLI has started");
        Assert.Equal([Pat], mock.ReceivedPersonalTokens);
        var init = client.InitMessage!;
        Assert.Equal("1.1.52", init.QodercliVersion);
        Assert.StartsWith("1.", init.ProtocolVersion, StringComparison.Ordinal);
        Assert.Contains("Write", init.Tools);
        Assert.False(string.IsNullOrEmpty(client.SessionId));

        await client.SendAsync("Write hello.txt please.");
        var messages = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("success", result.Subtype);
        Assert.False(result.IsError);
        Assert.Equal("All done.", result.Result);
        Assert.Equal("hi there", await File.ReadAllTextAsync(target));
        var request = Assert.Single(asked);
        Assert.Equal("Write", request.ToolName);
        Assert.Equal(target, request.Input.GetProperty("file_path").GetString());
        Assert.Contains(messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content), b => b is TextBlock { Text: "Writing a file." });
        Assert.Contains(messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content), b => b is ToolUseBlock { Name: "Write" });
        Assert.Contains(messages.OfType<UserMessage>().SelectMany(m => m.Message.Blocks), b => b is ToolResultBlock { IsError: not true });
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Pat, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sdk_mode_deny_gives_an_error_tool_result_and_a_permission_denial()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        var target = Path.Combine(_run.Work, "denied.txt");
        mock.EnqueueToolCall("Write", new JsonObject { ["file_path"] = target, ["content"] = "nope" });
        mock.EnqueueText("Understood.");
        var options = cli.RouteB(_run, mock, Pat);
        options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Deny("Writes are not allowed here."));

        var messages = await QoderQuery.RunAsync("Write denied.txt", options).ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        var denial = Assert.Single(result.PermissionDenials);
        Assert.Equal("Write", denial.ToolName);
        var toolResult = messages.ToolResults().Single();
        Assert.True(toolResult.IsError);
        Assert.Contains("Writes are not allowed here.", toolResult.ContentText, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Sdk_mode_rejected_pat_is_an_authentication_error_without_the_pat_and_the_payload_is_gone()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        mock.RejectTokenExchange = true;
        var options = cli.RouteB(_run, mock, Pat);
        await using var client = new QoderClient(options);

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard));

        Assert.Equal(41, error.ExitCode);
        Assert.Equal("access_token_invalid", error.TerminalReason);
        Assert.DoesNotContain(Pat, error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(client.PayloadDirectory);
        Assert.False(Directory.Exists(client.PayloadDirectory), "the payload folder is removed when start-up fails");
        Assert.Equal(0, mock.ChatCallCount);
    }

    [Fact]
    public async Task Sdk_mode_without_a_login_is_an_authentication_error()
    {
        var options = cli.RouteA(_run, new FakeResponsesScript().AddText("unused"));
        options.Auth = QoderAuth.QoderCliLogin();
        options.Settings = null;
        options.ExtraArgs.Clear();
        await using var client = new QoderClient(options);

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard));

        Assert.Equal(41, error.ExitCode);
        Assert.Equal("auth_required", error.TerminalReason);
        Assert.False(Directory.Exists(client.PayloadDirectory));
    }

    [Fact]
    public async Task Headless_route_a_turn_writes_the_file()
    {
        var target = Path.Combine(_run.Work, "a.txt");
        var script = new FakeResponsesScript()
            .AddToolCall("Write", new JsonObject { ["file_path"] = target, ["content"] = "from route A" }, leadingText: "Writing.")
            .AddText("Finished.");
        var options = cli.RouteA(_run, script);
        options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow());

        var messages = await QoderQuery.RunAsync("write a.txt", options).ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("from route A", await File.ReadAllTextAsync(target));
        Assert.Contains(messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content), b => b is TextBlock { Text: "Finished." });
    }

    [Fact]
    public async Task Two_prompts_give_two_results_in_one_session()
    {
        var options = cli.RouteA(_run, new FakeResponsesScript().AddText("First answer.").AddText("Second answer."));
        await using var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);

        await client.SendAsync("one");
        var first = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);
        await client.SendAsync("two");
        var second = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        var firstResult = Assert.IsType<ResultMessage>(first[^1]);
        var secondResult = Assert.IsType<ResultMessage>(second[^1]);
        Assert.Equal(firstResult.SessionId, secondResult.SessionId);
        Assert.Equal(client.SessionId, secondResult.SessionId);
        Assert.Contains(second.OfType<AssistantMessage>().SelectMany(m => m.Message.Content), b => b is TextBlock { Text: "Second answer." });
    }

    [Fact]
    public async Task Interrupt_while_a_permission_prompt_is_pending_ends_the_turn_and_cancels_the_prompt()
    {
        var script = new FakeResponsesScript().AddToolCall("Write", new JsonObject { ["file_path"] = Path.Combine(_run.Work, "x.txt"), ["content"] = "x" });
        var options = cli.RouteA(_run, script);
        var prompted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var withdrawn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        options.CanUseTool = async (_, token) =>
        {
            prompted.TrySetResult();
            await using var registration = token.Register(() => withdrawn.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };
        await using var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);

        await client.SendAsync("write x");
        var receiving = client.ReceiveResponseAsync().ToListAsync().AsTask();
        await prompted.Task.WaitAsync(RealCliFixture.HangGuard);
        await client.InterruptAsync().WaitAsync(RealCliFixture.HangGuard);
        var messages = await receiving.WaitAsync(RealCliFixture.HangGuard);

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("error_during_execution", result.Subtype);
        Assert.True(result.IsError);
        await withdrawn.Task.WaitAsync(RealCliFixture.HangGuard);
        Assert.False(File.Exists(Path.Combine(_run.Work, "x.txt")));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Cancelling_mid_turn_throws_operation_cancelled_and_leaves_no_process()
    {
        var script = new FakeResponsesScript().AddToolCall("Bash", new JsonObject { ["command"] = "sleep 293", ["description"] = "wait" });
        var options = cli.RouteA(_run, script);
        options.PermissionMode = QoderPermissionMode.BypassPermissions;
        int pid;
        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);
            pid = client.ProcessId!.Value;
            await client.SendAsync("sleep");
            using var cts = new CancellationTokenSource();
            var receiving = client.ReceiveResponseAsync(cts.Token).ToListAsync(cts.Token).AsTask();
            var sleeper = await WaitForProcessAsync("sleep 293");
            await cts.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving.WaitAsync(RealCliFixture.HangGuard));
            Assert.True(await ProcessWatch.AllGoneAsync([sleeper], RealCliFixture.HangGuard) || !client.IsConnected);
        }

        Assert.True(await ProcessWatch.AllGoneAsync([pid], RealCliFixture.HangGuard));
        Assert.Empty(ProcessWatch.FindByCommandLine("sleep 293"));
    }

    [Fact]
    public async Task Disposing_the_client_kills_the_cli_and_its_tool_processes()
    {
        var script = new FakeResponsesScript().AddToolCall("Bash", new JsonObject { ["command"] = "sleep 297", ["description"] = "wait" });
        var options = cli.RouteA(_run, script);
        options.PermissionMode = QoderPermissionMode.BypassPermissions;
        var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);
        var pid = client.ProcessId!.Value;
        await client.SendAsync("sleep");
        var sleeper = await WaitForProcessAsync("sleep 297");

        await client.DisposeAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        Assert.True(await ProcessWatch.AllGoneAsync([pid, sleeper], RealCliFixture.HangGuard));
    }

    private static async Task<int> WaitForProcessAsync(string commandLine)
    {
        var deadline = TimeProvider.System.GetUtcNow() + RealCliFixture.HangGuard;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (ProcessWatch.FindByCommandLine(commandLine) is [var pid, ..])
            {
                return pid;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No process '{commandLine}' appeared.");
    }
}
