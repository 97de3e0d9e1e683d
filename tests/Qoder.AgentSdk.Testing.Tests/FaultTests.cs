using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Slow_start_delays_the_initialize_answer()
    {
        var scenario = QoderScenario.Create().OnStartup(s => s.Delay(TimeSpan.FromMilliseconds(300)));
        await using var cli = StandInProcess.Start(scenario);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        Assert.True(started.ElapsedMilliseconds >= 250);
    }

    [Fact]
    public async Task Crash_before_any_turn_exits_with_the_code_and_stderr()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().OnStartup(s => s.Crash(3, "fatal: boom")));
        Assert.Equal(3, await cli.WaitForExitAsync());
        Assert.Empty(await cli.ReadToEndAsync());
        Assert.Equal("fatal: boom\n", cli.Stderr);
        Assert.Equal("crash", cli.Recording.ExitReason);
    }

    [Fact]
    public async Task Crash_during_initialize_leaves_it_unanswered()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().OnInitializeRequest(s => s.Crash(7)));
        await cli.InitializeAsync();
        Assert.Equal(7, await cli.WaitForExitAsync());
        Assert.Empty(await cli.ReadToEndAsync());
    }

    [Fact]
    public async Task Crash_during_a_turn_ends_without_a_result()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Turn(t => t.Text("partial").Crash(5, "died")));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("go", "u-1");
        await cli.WaitForTypeAsync("assistant");
        Assert.Equal(5, await cli.WaitForExitAsync());
        var rest = await cli.ReadToEndAsync();
        Assert.DoesNotContain(rest, l => l.Contains("\"type\":\"result\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crash_after_a_turn_follows_the_result()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Turn(t => t.Text("done").AfterResult(a => a.Crash(9))));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("go", "u-1");
        await cli.WaitForTypeAsync("result");
        Assert.Equal(9, await cli.WaitForExitAsync());
    }

    [Fact]
    public async Task Exit_code_on_eof_is_configurable()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().ExitOnEof(143));
        cli.CloseStdin();
        Assert.Equal(143, await cli.WaitForExitAsync());
    }

    [Fact]
    public async Task Hang_stops_output_and_ignores_stdin_and_eof_until_killed()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().OnInitializeRequest(s => s.Hang()));
        await cli.InitializeAsync();
        await cli.SendAsync("{\"type\":\"control_request\",\"request_id\":\"p\",\"request\":{\"subtype\":\"no_such\"}}");
        cli.CloseStdin();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cli.NextLineAsync(TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cli.WaitForExitAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Null(cli.Recording.ExitReason);
    }

    [Fact]
    public async Task Malformed_stdout_line_is_written_verbatim_and_the_session_continues()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Turn(t => t.RawLine().Text("after")));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("go", "u-1");
        string? line;
        do
        {
            line = await cli.NextLineAsync();
        }
        while (line is not null && line != "{this is not json");

        Assert.Equal("{this is not json", line);
        Assert.Equal("after", (string?)(await cli.WaitForTypeAsync("assistant"))["message"]!["content"]![0]!["text"]);
    }

    [Fact]
    public async Task Oversized_stdout_line_has_the_requested_size()
    {
        const int Size = 17 * 1024 * 1024;
        await using var cli = StandInProcess.Start(QoderScenario.Create().OnInitializeRequest(s => s.OversizedLine(Size)));
        await cli.InitializeAsync();
        var line = await cli.NextLineAsync();
        Assert.Equal(Size, line!.Length);
        Assert.StartsWith("{\"type\":\"bogus_big\"", line, StringComparison.Ordinal);
        Assert.True(StandInProcess.Is(await cli.WaitForAsync(_ => true), "system", "init"));
    }

    [Fact]
    public async Task Stderr_flood_writes_ten_megabytes()
    {
        const long Size = 10L * 1024 * 1024;
        await using var cli = StandInProcess.Start(QoderScenario.Create().OnStartup(s => s.StderrFlood(Size)));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        cli.CloseStdin();
        Assert.Equal(0, await cli.WaitForExitAsync());
        await cli.ReadToEndAsync();
        await Eventually.TrueAsync(() => cli.StderrBytes >= Size, "the whole stderr flood to be read", TimeSpan.FromSeconds(5));

        Assert.Equal(Size, cli.StderrBytes);
    }

    [Fact]
    public async Task Protocol_major_version_mismatch_is_announced_in_system_init()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().WithProtocolVersion("2.0.0"));
        await cli.InitializeAsync();
        Assert.Equal("2.0.0", (string?)(await cli.WaitForTypeAsync("system", "init"))["protocol_version"]);
    }

    [Fact]
    public async Task Emit_step_writes_an_arbitrary_message()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Turn(t => t.Emit(new JsonObject { ["type"] = "system", ["subtype"] = "api_retry", ["attempt"] = 1 }).Text("x")));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("go", "u-1");
        var retry = await cli.WaitForTypeAsync("system", "api_retry");
        Assert.NotNull(retry["session_id"]);
    }

    [Fact]
    public async Task Grandchild_outlives_the_stand_in_unless_the_tree_is_killed()
    {
        int orphan;
        await using (var cli = StandInProcess.Start(QoderScenario.Create().OnStartup(s => s.SpawnGrandchild(inheritStdio: false).Exit(4))))
        {
            Assert.Equal(4, await cli.WaitForExitAsync());
            orphan = Assert.Single(cli.Recording.GrandchildProcessIds);
            Assert.True(ProcessLiveness.IsAlive(orphan), "the grandchild should outlive its parent");
        }

        // DisposeAsync killed the recorded grandchild by PID and asserted it is gone.
        Assert.False(ProcessLiveness.IsAlive(orphan));

        await using var tree = StandInProcess.Start(QoderScenario.Create().OnStartup(s => s.SpawnGrandchild()));
        await tree.InitializeAsync();
        await tree.WaitForResponseAsync("init-1");
        var grandchild = Assert.Single(tree.Recording.GrandchildProcessIds);
        using (var process = System.Diagnostics.Process.GetProcessById(tree.Pid))
        {
            process.Kill(entireProcessTree: true);
        }

        await ProcessWatch.GoneAsync(tree.Pid);
        await ProcessWatch.GoneAsync(grandchild);
    }
}
