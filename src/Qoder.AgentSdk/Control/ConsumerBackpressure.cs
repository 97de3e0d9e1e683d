namespace Qoder.AgentSdk.Control;

/// <summary>
/// Bounds how many messages wait for the consumer: past <see cref="Capacity"/> the read loop stops reading stdout until
/// the consumer takes some, so a CLI that writes faster than the caller reads blocks on its own pipe instead of growing
/// the host's memory. Released while a control request waits for its answer (the answer is behind the unread messages)
/// and for good once the session ends.
/// </summary>
/// <param name="capacity">How many messages may wait.</param>
internal sealed class ConsumerBackpressure(int capacity)
{
    /// <summary>The default <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 1024;

    private readonly Lock _lock = new();
    private int _buffered;
    private int _bypasses;
    private bool _open;
    private TaskCompletionSource? _room;

    /// <summary>Gets how many messages may wait for the consumer.</summary>
    public int Capacity => capacity;

    /// <summary>Counts messages handed to the consumer.</summary>
    /// <param name="count">How many.</param>
    public void Added(int count = 1)
    {
        lock (_lock)
        {
            _buffered += count;
        }
    }

    /// <summary>Counts messages the consumer took.</summary>
    /// <param name="count">How many.</param>
    public void Taken(int count)
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _buffered -= count;
            room = HasRoom() ? TakeWaiter() : null;
        }

        room?.TrySetResult();
    }

    /// <summary>Lets the reader run regardless of the bound until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public Bypass Suspend()
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _bypasses++;
            room = TakeWaiter();
        }

        room?.TrySetResult();
        return new Bypass(this);
    }

    /// <summary>Releases the bound for good: nobody will take the messages any more, or the session ends.</summary>
    public void Open()
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _open = true;
            room = TakeWaiter();
        }

        room?.TrySetResult();
    }

    /// <summary>Completes when the reader may read on.</summary>
    /// <returns>The wait.</returns>
    public ValueTask WaitForRoomAsync()
    {
        lock (_lock)
        {
            if (HasRoom())
            {
                return ValueTask.CompletedTask;
            }

            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new ValueTask(_room.Task);
        }
    }

    private bool HasRoom() => _open || _bypasses > 0 || _buffered < capacity;

    private TaskCompletionSource? TakeWaiter()
    {
        var room = _room;
        _room = null;
        return room;
    }

    private void EndBypass()
    {
        lock (_lock)
        {
            _bypasses--;
        }
    }

    /// <summary>Ends a <see cref="Suspend"/> when disposed.</summary>
    internal readonly struct Bypass(ConsumerBackpressure owner) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => owner.EndBypass();
    }
}
