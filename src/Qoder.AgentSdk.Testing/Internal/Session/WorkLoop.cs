using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Initialize;
using Qoder.AgentSdk.Testing.Internal.Turns;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>
/// Takes queued work one item at a time, after any running initialize: user messages become turns, queued control
/// requests are answered. Once stdin has closed and the queue is empty the session ends.
/// </summary>
internal sealed class WorkLoop(
    SessionState state, SessionExit exit, WorkQueue queue, Initializer initializer, ControlRequestDispatcher controlRequests, TurnPlayer turns,
    HookRunner hooks)
{
    public async Task RunAsync()
    {
        try
        {
            while (true)
            {
                await queue.WaitAsync(state.Lifetime).ConfigureAwait(false);
                if (queue.TryDequeue() is not { } item)
                {
                    if (state.StdinClosed)
                    {
                        await FinishAsync().ConfigureAwait(false);
                        return;
                    }

                    continue;
                }

                await initializer.WaitWhileRunningAsync(state.Lifetime).ConfigureAwait(false);
                if (item.Request is not null)
                {
                    await controlRequests.HandleQueuedAsync(item.RequestId!, item.Request).ConfigureAwait(false);
                }
                else
                {
                    await turns.RunAsync(item).ConfigureAwait(false);
                }

                if (state.StdinClosed && queue.IsEmpty)
                {
                    await FinishAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
    }

    private async Task FinishAsync()
    {
        await initializer.WaitWhileRunningAsync(state.Lifetime).ConfigureAwait(false);
        await hooks.NotifySessionEndAsync().ConfigureAwait(false);
        if (state.Scenario.ExitDelayMs > 0)
        {
            await Task.Delay(state.Scenario.ExitDelayMs, state.Lifetime).ConfigureAwait(false);
        }

        exit.Request(state.Scenario.ExitCode, "stdin_eof");
    }
}
