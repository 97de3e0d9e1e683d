using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Tests.Support;

namespace Qoder.AgentSdk.Tests.Client;

/// <summary>How a turn's stream ends against the stand-in: clean exits, subagent results, stray lines, exit codes.</summary>
public sealed class TurnEndStandInTests : StandInTestClass
{
    [Fact]
    public async Task A_clean_exit_before_the_result_ends_ReceiveResponseAsync_quietly()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Partial.").Exit(0)));

        var client = await StandIn.ConnectAsync(options);
        var messages = await StandInHarness.TurnAsync(client, "go");

        Assert.Contains(messages, m => m is AssistantMessage);
        Assert.DoesNotContain(messages, m => m is ResultMessage);
        Assert.Equal(0, client.ExitCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_clean_exit_before_the_result_ends_QoderQuery_quietly()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Partial.").Exit(0)));

        var messages = await StandInHarness.QueryAsync("go", options);

        Assert.Contains(messages, m => m is AssistantMessage);
        Assert.DoesNotContain(messages, m => m is ResultMessage);
    }

    [Fact]
    public async Task An_exit_with_an_error_code_before_the_result_still_throws()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Partial.").Exit(42)));

        var client = await StandIn.ConnectAsync(options);
        await client.SendAsync("go");
        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard));

        Assert.Equal(42, error.ExitCode);
    }

    [Fact]
    public async Task Exit_143_that_the_client_did_not_ask_for_is_an_error()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Partial.").Exit(143)));

        var client = await StandIn.ConnectAsync(options);
        await client.SendAsync("go");
        var error = await Assert.ThrowsAsync<QoderProcessExitedException>(() => client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard));

        Assert.Equal(143, error.ExitCode);
    }

    [Fact]
    public async Task Exit_143_after_the_client_stopped_the_cli_is_orderly()
    {
        var options = StandIn.Options(QoderScenario.Create().ExitOnEof(143).Reply("Done."));
        using var logs = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));

        var client = new QoderClient(options, factory);
        await client.ConnectAsync().WaitAsync(StandInHarness.HangGuard);
        await client.SendAsync("go");
        await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard);
        await client.DisposeAsync().AsTask().WaitAsync(StandInHarness.HangGuard);

        Assert.Equal(143, client.ExitCode);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(" 1050 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subagent_result_does_not_end_the_main_turn()
    {
        var child = new JsonObject
        {
            ["type"] = "result",
            ["subtype"] = "success",
            ["parent_tool_use_id"] = "toolu_x",
            ["is_error"] = false,
            ["result"] = "child done",
        };
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Delegating.").Emit(child).Text("Main done.")));

        var client = await StandIn.ConnectAsync(options);
        var messages = await StandInHarness.TurnAsync(client, "go");

        var results = messages.OfType<ResultMessage>().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("toolu_x", results[0].ParentToolUseId);
        Assert.Null(results[1].ParentToolUseId);
        Assert.Same(results[1], messages[^1]);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task QoderQuery_streams_past_a_subagent_result_to_the_main_result()
    {
        var child = new JsonObject { ["type"] = "result", ["subtype"] = "success", ["parent_tool_use_id"] = "toolu_y", ["result"] = "child" };
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Emit(child).Text("Main done.")));

        var messages = await StandInHarness.QueryAsync("go", options);

        Assert.Equal(2, messages.OfType<ResultMessage>().Count());
        Assert.True(messages[^1].EndsTurn());
        Assert.Contains(messages, m => m is AssistantMessage a && a.Message.Content.OfType<TextBlock>().Any(b => b.Text == "Main done."));
    }

    [Fact]
    public async Task A_stray_non_json_line_is_skipped_counted_and_logged()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Before.").RawLine("npm WARN something odd").Text("After.")));
        using var logs = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        await using var client = new QoderClient(options, factory);
        await client.ConnectAsync().WaitAsync(StandInHarness.HangGuard);
        var messages = await StandInHarness.TurnAsync(client, "go");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.True(client.IsConnected);
        Assert.Equal(1, client.SkippedLineCount);
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning 1052 ", StringComparison.Ordinal) && m.Contains("npm WARN something odd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_known_message_that_cannot_be_read_is_still_a_protocol_error()
    {
        var broken = new JsonObject { ["type"] = "result", ["subtype"] = "success", ["num_turns"] = "many" };
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Emit(broken)));

        var client = await StandIn.ConnectAsync(options);
        await client.SendAsync("go");

        await Assert.ThrowsAsync<QoderProtocolException>(() => client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(StandInHarness.HangGuard));
    }
}
