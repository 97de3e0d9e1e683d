using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>Callers waiting for a process, first come first served per launch identity. Used under the pool's lock.</summary>
internal sealed class WaitQueue
{
    private readonly LinkedList<Waiter> _waiters = new();

    public int Count => _waiters.Count;

    public IEnumerable<Waiter> InOrder => _waiters;

    public Waiter Enqueue(string key, QoderAgentOptions options)
    {
        var waiter = new Waiter(key, options);
        waiter.Node = _waiters.AddLast(waiter);
        return waiter;
    }

    /// <summary>Takes a waiter out of the line.</summary>
    /// <returns><see langword="false"/> when it had already left (served or failed).</returns>
    public bool Remove(Waiter waiter)
    {
        if (waiter.Node?.List is null)
        {
            return false;
        }

        _waiters.Remove(waiter.Node);
        return true;
    }

    /// <summary>Hands processes to waiters in order; <paramref name="take"/> gives a process of the key, or none.</summary>
    public void Serve(Func<string, PooledProcess?> take, Action<Waiter, PooledProcess> hand)
    {
        for (var node = _waiters.First; node is not null;)
        {
            var next = node.Next;
            if (take(node.Value.Key) is { } process)
            {
                _waiters.Remove(node);
                hand(node.Value, process);
            }

            node = next;
        }
    }

    /// <summary>Fails the first waiter of a key (the one a failed start was for).</summary>
    public void FailFirst(string key, Exception failure)
    {
        if (_waiters.FirstOrDefault(w => w.Key == key) is { } waiter)
        {
            Remove(waiter);
            waiter.Completion.TrySetException(failure);
        }
    }

    public void FailAll(Exception failure)
    {
        foreach (var waiter in _waiters)
        {
            waiter.Completion.TrySetException(failure);
        }

        _waiters.Clear();
    }
}
