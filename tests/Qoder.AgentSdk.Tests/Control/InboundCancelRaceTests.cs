using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Tests.Hooks;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>Cancelling inbound requests while their handlers finish never faults the channel.</summary>
public sealed class InboundCancelRaceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_final_sweep_survives_a_handler_that_finishes_while_the_sweep_runs()
    {
        var transport = new ScriptedTransport();
        var releases = new Dictionary<string, TaskCompletionSource>
        {
            ["req_a"] = new(),
            ["req_b"] = new(),
        };
        var started = new CountdownEvent(2);
        using var channel = new ControlChannel(transport, NullLogger.Instance, async (_, request, token) =>
        {
            var id = request.GetProperty("callback_id").GetString() == "hook_a" ? "req_a" : "req_b";
            var other = id == "req_a" ? "req_b" : "req_a";

            // Cancelling one handler lets the other finish inline, so it is disposed while the sweep still holds it.
            token.Register(() => releases[other].TrySetResult());
            started.Signal();
            await releases[id].Task;
            return new JsonObject();
        });
        channel.Start();

        transport.Emit("""{"type":"control_request","request_id":"req_a","request":{"subtype":"hook_callback","callback_id":"hook_a","input":{}}}""");
        transport.Emit("""{"type":"control_request","request_id":"req_b","request":{"subtype":"hook_callback","callback_id":"hook_b","input":{}}}""");
        Assert.True(started.Wait(Guard));
        transport.Kill();

        await channel.Completion.WaitAsync(Guard);
        Assert.Null(channel.Fault);
        Assert.False(await channel.WaitToReadAsync().AsTask().WaitAsync(Guard));
        foreach (var release in releases.Values)
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_cancel_whose_token_callback_throws_does_not_fault_the_channel()
    {
        var transport = new ScriptedTransport();
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var channel = new ControlChannel(transport, NullLogger.Instance, async (_, _, token) =>
        {
            token.Register(() => throw new InvalidOperationException("the host's cancellation callback broke"));
            token.Register(() => cancelled.TrySetResult());
            registered.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        channel.Start();

        transport.Emit(ChannelLines.HookCallback("req_1"));
        await registered.Task.WaitAsync(Guard);
        transport.Emit(ChannelLines.Cancel("req_1"));
        await cancelled.Task.WaitAsync(Guard);
        transport.Emit(ChannelLines.Text("still here"));

        Assert.True(await channel.WaitToReadAsync().AsTask().WaitAsync(Guard));
        Assert.Null(channel.Fault);
        Assert.False(channel.IsCompleted);
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
        Assert.Null(channel.Fault);
    }

    [Fact]
    public async Task A_cancel_that_arrives_as_the_handler_finishes_is_ignored()
    {
        var transport = new ScriptedTransport();
        var finish = new TaskCompletionSource<JsonNode?>();
        using var channel = new ControlChannel(transport, NullLogger.Instance, (_, _, token) =>
        {
            // The cancel's own callback completes the handler inline: it finishes while the cancel is being delivered.
            token.Register(() => finish.TrySetResult(new JsonObject()));
            return finish.Task;
        });
        channel.Start();

        transport.Emit(ChannelLines.HookCallback("req_1"));
        transport.Emit(ChannelLines.Cancel("req_1"));
        transport.Emit(ChannelLines.Cancel("req_1"));
        transport.Emit(ChannelLines.Text("still here"));

        Assert.True(await channel.WaitToReadAsync().AsTask().WaitAsync(Guard));
        Assert.Null(channel.Fault);
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
        Assert.Null(channel.Fault);
        Assert.False(transport.Written.TryRead(out _));
    }
}
