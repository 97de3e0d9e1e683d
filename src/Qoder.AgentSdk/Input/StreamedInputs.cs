using System.Runtime.CompilerServices;
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
        var messages = client.ReceiveMessagesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            var next = messages.MoveNextAsync().AsTask();
            while (true)
            {
                await Task.WhenAny(next, pump).ConfigureAwait(false);
                if (pump.IsFaulted || pump.IsCanceled)
                {
                    await pump.ConfigureAwait(false);
                }

                if (!next.IsCompleted)
                {
                    // The inputs ended (or failed) while the CLI is quiet.
                    await pump.ConfigureAwait(false);
                    if (IsOver())
                    {
                        yield break;
                    }

                    await next.ConfigureAwait(false);
                }

                if (!await next.ConfigureAwait(false))
                {
                    yield break;
                }

                var message = messages.Current;
                Observe(message);
                yield return message;
                if (pump.IsCompletedSuccessfully && IsOver())
                {
                    yield break;
                }

                next = messages.MoveNextAsync().AsTask();
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
                // The stream ended first (or failed); the pump's own failure was already surfaced if it came first.
            }

            await messages.DisposeAsync().ConfigureAwait(false);
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

    private bool IsOver()
    {
        lock (_lock)
        {
            return _results >= _sent.Count || _sent.TrueForAll(_closed.Contains);
        }
    }
}
