using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>
/// Every fault the stand-in can inject, driven through the public client API: each ends in a typed exception or a
/// documented outcome, and no process (grandchildren included) is left when the test ends (checked by
/// <see cref="FaultHarness"/> on dispose, by PID).
/// </summary>
public sealed class ClientFaultTests
{
    private static readonly TimeSpan Guard = FaultHarness.Guard;

    [Fact]
    public async Task Slow_start_still_connects()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().OnStartup(s => s.Delay(TimeSpan.FromSeconds(2))).Reply("late but fine"));

        var messages = await FaultHarness.TurnAsync(client, "hi").WaitAsync(Guard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
    }

    [Fact]
    public async Task Slow_start_beyond_the_initialize_timeout_throws_QoderControlTimeoutException()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(
            QoderScenario.Create().OnStartup(s => s.Delay(TimeSpan.FromSeconds(30))),
            o => o.InitializeTimeout = TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<QoderControlTimeoutException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("initialize", error.Subtype);
        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Crash_before_initialize_throws_QoderProcessExitedException_with_code_and_stderr()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().OnStartup(s => s.Crash(7, "fatal: before anything")));

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal(7, error.ExitCode);
        Assert.Contains("fatal: before anything", error.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crash_during_a_turn_throws_QoderProcessExitedException()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("About to crash.").Crash(3, "fatal: during the turn")));

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => FaultHarness.TurnAsync(client, "go").WaitAsync(Guard));

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("fatal: during the turn", error.StderrTail, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Crash_during_a_turn_through_QoderQuery_throws_QoderProcessExitedException()
    {
        await using var harness = new FaultHarness();
        var options = harness.Options(QoderScenario.Create().Turn(t => t.Text("About to crash.").Crash(4, "fatal: query")));

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(async () =>
        {
            await foreach (var message in QoderQuery.RunAsync("go", options).WithCancellation(CancellationToken.None))
            {
                Assert.IsNotType<ResultMessage>(message);
            }
        }).WaitAsync(Guard);

        Assert.Equal(4, error.ExitCode);
    }

    [Fact]
    public async Task Crash_after_a_turn_keeps_the_result_and_fails_the_next_send()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("Done.").AfterResult(a => a.Crash(9, "fatal: after"))));

        var messages = await FaultHarness.TurnAsync(client, "go").WaitAsync(Guard);
        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        await client.Completion.WaitAsync(Guard);

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => client.SendAsync("again").WaitAsync(Guard));
        Assert.Equal(9, error.ExitCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Hang_at_start_throws_QoderControlTimeoutException_after_the_initialize_timeout()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().OnStartup(s => s.Hang()), o => o.InitializeTimeout = TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<QoderControlTimeoutException>(() => client.ConnectAsync().WaitAsync(Guard));
    }

    [Fact]
    public async Task Hang_while_answering_initialize_throws_QoderControlTimeoutException()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().OnInitializeRequest(s => s.Hang()), o => o.InitializeTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<QoderControlTimeoutException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("initialize", error.Subtype);
    }

    [Fact]
    public async Task Malformed_stdout_line_during_a_turn_is_skipped_and_counted()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("Then garbage.").RawLine()));

        var messages = await FaultHarness.TurnAsync(client, "go").WaitAsync(Guard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal(1, client.SkippedLineCount);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Malformed_stdout_line_at_initialize_is_skipped_and_counted()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().OnInitializeRequest(s => s.RawLine("not json at all")));

        await client.ConnectAsync().WaitAsync(Guard);

        Assert.Equal(1, client.SkippedLineCount);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Oversized_line_throws_QoderProtocolException()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("Then a huge line.").OversizedLine()));

        var error = await Assert.ThrowsAsync<QoderProtocolException>(() => FaultHarness.TurnAsync(client, "go").WaitAsync(Guard));

        Assert.IsNotType<QoderProtocolVersionMismatchException>(error);
        Assert.True(error.OffendingLine is null || error.OffendingLine.Length <= QoderProtocolException.MaxOffendingLineLength + 1);
    }

    [Fact]
    public async Task Stderr_flood_does_not_block_the_turn_and_the_tail_stays_bounded()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.StderrFlood().Text("Still working.")));

        var messages = await FaultHarness.TurnAsync(client, "go").WaitAsync(Guard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.InRange(client.StderrTail.Length, 1, 8192);
    }

    [Fact]
    public async Task Stderr_flood_then_crash_gives_a_bounded_StderrTail_in_the_exception()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.StderrFlood().Crash(2, "fatal: after the flood")));

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => FaultHarness.TurnAsync(client, "go").WaitAsync(Guard));

        Assert.Equal(2, error.ExitCode);
        Assert.InRange(error.StderrTail.Length, 1, 8192);
        Assert.EndsWith("fatal: after the flood\n", error.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_0_during_a_turn_ends_the_stream_without_a_result()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("Exiting.").Exit(0)));

        var messages = await FaultHarness.TurnAsync(client, "go").WaitAsync(Guard);

        Assert.DoesNotContain(messages, m => m is ResultMessage);
        Assert.Equal(0, client.ExitCode);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(137)]
    [InlineData(255)]
    public async Task Any_exit_code_during_a_turn_is_reported_by_QoderProcessExitedException(int exitCode)
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.Text("Exiting.").Exit(exitCode)));

        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => FaultHarness.TurnAsync(client, "go").WaitAsync(Guard));

        Assert.Equal(exitCode, error.ExitCode);
    }

    [Fact]
    public async Task Authentication_failure_throws_QoderAuthenticationException()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().FailAuthentication("access_token_invalid", "The provided access token was rejected by the API"));

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("access_token_invalid", error.TerminalReason);
        Assert.DoesNotContain(StandInTarget.FakePat, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_major_mismatch_throws_QoderProtocolVersionMismatchException()
    {
        await using var harness = new FaultHarness();
        var client = harness.Client(QoderScenario.Create().WithProtocolVersion("2.0.0"));

        var error = await Assert.ThrowsAsync<QoderProtocolVersionMismatchException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("2.0.0", error.CliProtocolVersion);
        Assert.Equal("1.1.52", error.CliVersion);
    }

    [Fact]
    public async Task Protocol_minor_difference_is_accepted()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().WithProtocolVersion("1.9.0"));

        Assert.Equal("1.9.0", client.InitMessage?.ProtocolVersion);
    }

    [Fact]
    public async Task Grandchild_is_gone_after_dispose()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().OnStartup(s => s.SpawnGrandchild()).Reply("ok"));
        await FaultHarness.TurnAsync(client, "go").WaitAsync(Guard);
        var grandchildren = harness.LastLaunch!.ReadRecording().GrandchildProcessIds;
        Assert.NotEmpty(grandchildren);
        Assert.All(grandchildren, pid => Assert.True(ProcessLiveness.IsAlive(pid)));

        await client.DisposeAsync().AsTask().WaitAsync(Guard);

        await ProcessWatch.GoneAsync(grandchildren);
    }

    [Fact]
    public async Task Grandchild_of_a_crashed_cli_is_gone_after_dispose()
    {
        await using var harness = new FaultHarness();
        var client = await harness.ConnectAsync(QoderScenario.Create().Turn(t => t.SpawnGrandchild(inheritStdio: false).Crash(6)));
        await Assert.ThrowsAsync<QoderProcessExitedException>(() => FaultHarness.TurnAsync(client, "go").WaitAsync(Guard));
        var grandchildren = harness.LastLaunch!.ReadRecording().GrandchildProcessIds;
        Assert.NotEmpty(grandchildren);

        await client.DisposeAsync().AsTask().WaitAsync(Guard);

        await ProcessWatch.GoneAsync(grandchildren);
    }
}
