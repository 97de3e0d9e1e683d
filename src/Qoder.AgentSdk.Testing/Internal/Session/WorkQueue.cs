namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>
/// The user messages and control requests waiting for the work loop, in arrival order. The stdin reader adds and
/// withdraws items while the work loop takes them, so every access holds one lock; each signal wakes the loop once.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<WorkItem> _items = new();
    private readonly SemaphoreSlim _signal = new(0);

    public void Enqueue(WorkItem item)
    {
        lock (_gate)
        {
            _items.AddLast(item);
        }

        _signal.Release();
    }

    /// <summary>Wakes the work loop without new work, so it sees that stdin closed.</summary>
    public void Signal() => _signal.Release();

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);

    public WorkItem? TryDequeue()
    {
        lock (_gate)
        {
            if (_items.First is not { } first)
            {
                return null;
            }

            _items.RemoveFirst();
            return first.Value;
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _items.Count == 0;
            }
        }
    }

    /// <summary>The uuids of the queued user messages; with <paramref name="remove"/> those messages leave the queue.</summary>
    public List<string> QueuedMessageUuids(bool remove)
    {
        lock (_gate)
        {
            List<string> uuids = [.. _items.Where(i => i.Uuid is not null).Select(i => i.Uuid!)];
            if (remove)
            {
                var node = _items.First;
                while (node is not null)
                {
                    var next = node.Next;
                    if (node.Value.Uuid is not null)
                    {
                        _items.Remove(node);
                    }

                    node = next;
                }
            }

            return uuids;
        }
    }

    /// <summary>Withdraws the first queued item with <paramref name="uuid"/>; false when there is none.</summary>
    public bool TryRemove(string uuid)
    {
        lock (_gate)
        {
            var node = _items.First;
            while (node is not null && node.Value.Uuid != uuid)
            {
                node = node.Next;
            }

            if (node is null)
            {
                return false;
            }

            _items.Remove(node);
            return true;
        }
    }

    /// <summary>Takes the queued user messages that join the running turn (all but <c>priority: "later"</c>).</summary>
    public List<WorkItem> TakeMessagesJoiningTurn()
    {
        lock (_gate)
        {
            List<WorkItem> joining = [.. _items.Where(i => i.Message is not null && Wire.Str(i.Message["priority"]) != "later")];
            foreach (var item in joining)
            {
                _items.Remove(item);
            }

            return joining;
        }
    }

    public void Dispose() => _signal.Dispose();
}
