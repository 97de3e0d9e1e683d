using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>
/// A streamed conversation turn is read on after its resilience attempt ended and its context went back to Polly's
/// shared pool: what it reads then must not touch the run that took that context next.
/// </summary>
public sealed class ConversationContextIsolationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_streamed_turn_read_after_its_attempt_does_not_stop_another_runs_retry()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 1);
        var runWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runMayCrash = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.Factory.OnReceive = (process, ct) => t.Factory.Created.ToList().IndexOf(process) switch
        {
            0 => Streamed(ct),
            1 => LifecycleThenCrashWhen(runWaits, runMayCrash.Task, ct),
            _ => FakeProcess.Reply("OK", ct),
        };
        var conversations = t.Provider.GetRequiredService<IQoderConversations>();
        var id = await conversations.StartAsync().WaitAsync(Guard);

        await using var stream = conversations.StreamAsync(id, "stream").GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Guard));

        // The stream's context is back in the pool; the run most likely takes that very object.
        var run = t.Agent.RunAsync("hello");
        await runWaits.Task.WaitAsync(Guard);
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Guard));
        Assert.IsType<AssistantMessage>(stream.Current);
        runMayCrash.SetResult();

        var result = await run.WaitAsync(Guard);
        Assert.Equal("OK", result.Text);
        Assert.Equal(3, t.Factory.Created.Count);
    }

    private static async IAsyncEnumerable<QoderMessage> Streamed([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new SystemInitMessage { Type = "system", Subtype = "init", SessionId = "s-1" };
        await foreach (var message in FakeProcess.Reply("streamed", cancellationToken))
        {
            yield return message;
        }
    }

    private static async IAsyncEnumerable<QoderMessage> LifecycleThenCrashWhen(TaskCompletionSource waiting, Task crash, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new CommandLifecycleMessage { Type = "command_lifecycle", CommandUuid = "someone-else", State = "queued" };
        waiting.SetResult();
        await crash.WaitAsync(cancellationToken);
        throw new QoderProcessExitedException("crashed before the turn", 1, string.Empty);
    }
}
