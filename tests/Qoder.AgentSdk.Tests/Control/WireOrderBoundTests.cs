using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Tests.Hooks;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>The wire-order wait is bounded: with nobody reading, a handler still starts after <see cref="WireOrderGate.DefaultBound"/>.</summary>
public sealed class WireOrderBoundTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_a_consumer_the_handler_starts_after_the_bound_and_the_cli_gets_its_answer()
    {
        var transport = new ScriptedTransport();
        var clock = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var channel = new ControlChannel(
            transport,
            NullLogger.Instance,
            (_, _, _) =>
            {
                started.TrySetResult();
                return Task.FromResult<JsonNode?>(new JsonObject { ["continue"] = true });
            },
            clock);
        channel.Start();

        transport.Emit(ChannelLines.Text("nobody reads this"));
        transport.Emit(ChannelLines.HookCallback("req_1"));
        transport.Emit(ChannelLines.Text("marker"));
        while (channel.BufferedCount < 2)
        {
            await Task.Yield();
        }

        clock.Advance(WireOrderGate.DefaultBound - TimeSpan.FromMilliseconds(1));
        Assert.False(started.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await started.Task.WaitAsync(Guard);
        var answer = await transport.Written.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal("req_1", answer.GetProperty("response").GetProperty("request_id").GetString());
        Assert.Equal(2, channel.BufferedCount);
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
    }

    [Fact]
    public async Task Handlers_waiting_for_the_consumer_still_run_concurrently_with_each_other()
    {
        var transport = new ScriptedTransport();
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        using var channel = new ControlChannel(transport, NullLogger.Instance, async (_, _, _) =>
        {
            if (Interlocked.Increment(ref running) == 2)
            {
                bothStarted.TrySetResult();
            }

            await bothStarted.Task;
            return new JsonObject();
        });
        channel.Start();

        transport.Emit(ChannelLines.Text("first"));
        transport.Emit(ChannelLines.HookCallback("req_1"));
        transport.Emit(ChannelLines.HookCallback("req_2"));
        while (channel.BufferedCount < 1)
        {
            await Task.Yield();
        }

        Assert.Equal(1, channel.DiscardBuffered());

        await bothStarted.Task.WaitAsync(Guard);
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
    }
}
