namespace Qoder.AgentSdk.Control;

/// <summary>
/// Keeps host callbacks in wire order: the handler of an inbound request starts once the consumer has taken every
/// message read before the request, so a callback never sees the conversation ahead of the caller. Bounded by
/// <see cref="Bound"/>: a consumer that is not reading cannot stall the CLI, which waits for the answer.
/// </summary>
/// <param name="bound">How long a handler waits for the consumer at most.</param>
/// <param name="timeProvider">The clock of the bound.</param>
internal sealed class WireOrderGate(TimeSpan bound, TimeProvider timeProvider)
{
    /// <summary>The default <see cref="Bound"/>.</summary>
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private readonly Queue<(long Sequence, TaskCompletionSource Ready)> _waiters = new();
    private long _read;
    private long _taken;
    private bool _open;

    /// <summary>Gets how long a handler waits for the consumer at most.</summary>
    public TimeSpan Bound => bound;

    /// <summary>Counts messages handed to the consumer's buffer; call before the consumer can see them.</summary>
    /// <param name="count">How many.</param>
    public void MessagesRead(int count)
    {
        lock (_lock)
        {
            _read += count;
        }
    }

    /// <summary>Counts messages the consumer took (received or discarded) and releases the handlers waiting for them.</summary>
    /// <param name="count">How many.</param>
    public void MessagesTaken(int count)
    {
        List<TaskCompletionSource>? ready = null;
        lock (_lock)
        {
            _taken += count;
            while (_waiters.TryPeek(out var waiter) && waiter.Sequence <= _taken)
            {
                (ready ??= []).Add(_waiters.Dequeue().Ready);
            }
        }

        ready?.ForEach(r => r.TrySetResult());
    }

    /// <summary>
    /// Gets a task that completes once the consumer has taken every message read so far, or faults with
    /// <see cref="TimeoutException"/> after <see cref="Bound"/>. Never blocks; the clock starts now.
    /// </summary>
    /// <returns>The wait.</returns>
    public Task WaitForEarlierMessagesAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_open || _taken >= _read)
            {
                return Task.CompletedTask;
            }

            // Sequences only grow (one read loop enqueues), so the queue stays ordered.
            _waiters.Enqueue((_read, ready));
        }

        return ready.Task.WaitAsync(bound, timeProvider);
    }

    /// <summary>Releases every waiting handler, now and from now on: nobody will take the messages (the session is ending).</summary>
    public void Open()
    {
        List<TaskCompletionSource> ready;
        lock (_lock)
        {
            _open = true;
            ready = [.. _waiters.Select(w => w.Ready)];
            _waiters.Clear();
        }

        ready.ForEach(r => r.TrySetResult());
    }
}
