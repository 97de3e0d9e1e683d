using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Tests.Hooks;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>An inbound request's handler starts only once the consumer has taken every message read before it.</summary>
public sealed class WireOrderTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_handler_does_not_start_before_the_consumer_took_the_message_before_it()
    {
        var transport = new ScriptedTransport();
        var taken = 0;
        var takenAtHandlerStart = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var channel = new ControlChannel(transport, NullLogger.Instance, (_, _, _) =>
        {
            takenAtHandlerStart.TrySetResult(Volatile.Read(ref taken));
            return Task.FromResult<JsonNode?>(new JsonObject());
        });
        channel.Start();

        transport.Emit(ChannelLines.Text("first"));
        transport.Emit(ChannelLines.HookCallback("req_1"));
        transport.Emit(ChannelLines.Text("marker"));
        while (channel.BufferedCount < 2)
        {
            await Task.Yield();
        }

        // The read loop is past the request. Give an ungated handler the chance to run before the consumer takes anything;
        // a gated one cannot start, so this wait only ever ends by its timeout when the client is right.
        await Task.WhenAny(takenAtHandlerStart.Task, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.True(channel.TryTake(out var first));
        Interlocked.Increment(ref taken);

        Assert.Equal(1, await takenAtHandlerStart.Task.WaitAsync(Guard));
        Assert.Equal("first", Assert.IsType<TextBlock>(Assert.IsType<AssistantMessage>(first).Message.Content[0]).Text);
        var answer = await transport.Written.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal("req_1", answer.GetProperty("response").GetProperty("request_id").GetString());
        transport.Kill();
        await channel.Completion.WaitAsync(Guard);
    }
}
