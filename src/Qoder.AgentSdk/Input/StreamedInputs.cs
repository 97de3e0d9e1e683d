using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Input;

/// <summary>
/// Sends the inputs of an async stream to a connected client while its messages are received, and tells when the
/// conversation is over: the inputs have ended and each one sent is closed, either by a terminal <c>command_lifecycle</c>
/// (completed, cancelled, discarded) or, for a CLI that does not write those, by as many main results as inputs.
/// </summary>
internal sealed class StreamedInputs(QoderClient client, IAsyncEnumerable<QoderUserInput> inputs)
{
    private readonly Lock _lock = new();
    private readonly List<string> _sent = [];
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private int _results;

    public async IAsyncEnumerable<QoderMessage> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(stop.Token), CancellationToken.None);
        try
        {
            await foreach (var message in client.ReceiveUntilOverAsync(pump, () => IsOver(pump), cancellationToken).ConfigureAwait(false))
            {
                Observe(message);
                yield return message;
                if (IsOver(pump))
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await pump.ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The stream ended first, or the pump's failure was already surfaced by IsOver.
            }
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var uuid = await client.SendAsync(input, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                _sent.Add(uuid);
            }
        }
    }

    private void Observe(QoderMessage message)
    {
        lock (_lock)
        {
            switch (message)
            {
                case CommandLifecycleMessage { State: "completed" or "cancelled" or "discarded" } lifecycle:
                    _closed.Add(lifecycle.CommandUuid);
                    break;
                case ResultMessage result when result.EndsTurn():
                    _results++;
                    break;
            }
        }
    }

    /// <summary>Whether the conversation is over; a failed input stream surfaces here, ending the receiving with its exception.</summary>
    private bool IsOver(Task pump)
    {
        if (pump.Exception?.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        if (!pump.IsCompletedSuccessfully)
        {
            return false;
        }

        lock (_lock)
        {
            return _results >= _sent.Count || _sent.TrueForAll(_closed.Contains);
        }
    }
}
