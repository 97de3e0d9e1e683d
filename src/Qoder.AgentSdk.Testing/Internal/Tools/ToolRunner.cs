using Qoder.AgentSdk.Testing.Internal.Session;
using Qoder.AgentSdk.Testing.Internal.Turns;

namespace Qoder.AgentSdk.Testing.Internal.Tools;

/// <summary>Runs the tool calls of one assistant message: one after another, or prompted for together when all are marked concurrent.</summary>
internal sealed class ToolRunner(SessionState state, ToolAuthorizer authorizer, ToolExecutor executor, ToolResultWriter results)
{
    public async Task RunAsync(List<(QoderScenarioStep Step, string Id)> tools, TurnState turn, CancellationToken ct)
    {
        if (tools.Count > 1 && tools.All(t => t.Step.Concurrent == true))
        {
            var inputs = await Task.WhenAll(tools.Select(t => GuardAsync(t.Id, turn, () => authorizer.AuthorizeAsync(t.Step, t.Id, turn, ct), ct)))
                .ConfigureAwait(false);
            for (var i = 0; i < tools.Count; i++)
            {
                if (inputs[i] is { } input)
                {
                    var (step, id) = tools[i];
                    await GuardAsync(id, turn, () => executor.RunAsync(step, id, input, ct), ct).ConfigureAwait(false);
                }
            }

            return;
        }

        foreach (var (step, id) in tools)
        {
            await GuardAsync(id, turn, async () =>
            {
                var input = await authorizer.AuthorizeAsync(step, id, turn, ct).ConfigureAwait(false);
                return input is null ? null : await executor.RunAsync(step, id, input, ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reports a tool cut short by an interrupt the way 1.1.52 does, then lets the cancellation end the turn.</summary>
    private async Task<T> GuardAsync<T>(string id, TurnState turn, Func<Task<T>> phase, CancellationToken ct)
    {
        try
        {
            return await phase().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && !state.Lifetime.IsCancellationRequested)
        {
            // 1.1.52 answers a prompt withdrawn by interrupt as a rejection and ends the turn as aborted_streaming.
            var prompting = turn.IsPrompting(id);
            turn.AbortedWhilePrompting |= prompting;
            await results.WriteNotExecutedAsync(id, prompting ? Wire.WithdrawnPromptText : Wire.InterruptedText, "interrupted").ConfigureAwait(false);
            throw;
        }
    }
}
