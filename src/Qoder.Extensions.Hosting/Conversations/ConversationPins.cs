using Microsoft.Extensions.Logging;
using Qoder.Extensions.Hosting.Diagnostics;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>
/// The conversations one agent knows and the processes they pin. State changes under <see cref="_lock"/>; processes are
/// handed back to the pool outside it, except in <see cref="Reclaim"/>, which the pool calls under its own lock (so the
/// order is always pool lock, then this one, and this lock is never held while calling the pool).
/// </summary>
internal sealed class ConversationPins : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConversationEntry> _entries = new(StringComparer.Ordinal);
    private readonly QoderProcessPool _pool;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly QoderMetrics _metrics;
    private readonly KeyValuePair<string, object?> _agentTag;
    private readonly ITimer _idleTimer;
    private bool _stopping;

    public ConversationPins(QoderProcessPool pool, TimeProvider time, ILogger logger, QoderMetrics metrics)
    {
        _pool = pool;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _agentTag = new(QoderTelemetry.AgentNameAttribute, pool.DisplayName);
        var idle = Options.IdleTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(idle.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _idleTimer = time.CreateTimer(_ => EvictIdle(), null, period, period);
        pool.Reclaimer = Reclaim;
    }

    public bool Stopping
    {
        get
        {
            lock (_lock)
            {
                return _stopping;
            }
        }
    }

    private QoderConversationsOptions Options => _pool.Options.Conversations;

    public ConversationCounts Counts()
    {
        lock (_lock)
        {
            return new ConversationCounts(_entries.Count, _entries.Values.Count(e => e.Pin is not null));
        }
    }

    public ConversationEntry? Find(string id)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(id);
        }
    }

    /// <summary>The entry of <paramref name="id"/>; one unknown here is added as a conversation to resume.</summary>
    public ConversationEntry GetOrAdd(string id)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var entry))
            {
                entry = new ConversationEntry(id, hasTranscript: true) { LastUsed = _time.GetUtcNow() };
                _entries[id] = entry;
            }

            return entry;
        }
    }

    /// <summary>Forgets a conversation that holds no process (not found, closed, deleted).</summary>
    public void Forget(ConversationEntry entry)
    {
        lock (_lock)
        {
            if (entry.Pin is null && _entries.GetValueOrDefault(entry.Id) == entry)
            {
                _entries.Remove(entry.Id);
            }
        }
    }

    public void SetBusy(ConversationEntry entry, bool busy)
    {
        lock (_lock)
        {
            entry.Busy = busy;
            entry.LastUsed = _time.GetUtcNow();
        }
    }

    /// <summary>The conversation's process when it is pinned and alive; a pin whose process died is dropped.</summary>
    public QoderSession? LivePin(ConversationEntry entry)
    {
        QoderSession? dead;
        lock (_lock)
        {
            if (entry.Pin is not { } pin || pin.IsAlive)
            {
                return entry.Pin;
            }

            dead = pin;
            entry.Pin = null;
        }

        Evicted(entry, dead, "crashed", drain: false);
        return null;
    }

    /// <summary>Pins <paramref name="session"/> to the conversation, then keeps the most pinned within bounds.</summary>
    public void Pin(ConversationEntry entry, QoderSession session)
    {
        lock (_lock)
        {
            entry.Pin = session;
            entry.LastUsed = _time.GetUtcNow();
            _entries[entry.Id] = entry;
        }

        _ = session.Exited.ContinueWith(_ => OnExited(entry, session), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        EnforceMaxPinned();
    }

    /// <summary>Ends the conversation's pin (a failed turn, a close): its process exits on its own within the grace, then is retired.</summary>
    /// <returns>The process's exit, or a completed task when nothing was pinned.</returns>
    public Task UnpinAsync(ConversationEntry entry, string reason, bool evicted, bool drain = true)
    {
        QoderSession? pin;
        lock (_lock)
        {
            pin = entry.Pin;
            entry.Pin = null;
        }

        if (pin is null)
        {
            return Task.CompletedTask;
        }

        if (evicted)
        {
            Evicted(entry, pin, reason, drain);
        }
        else
        {
            pin.End("conversation-" + reason, drain ? Options.EvictionGracePeriod : TimeSpan.Zero);
        }

        return pin.Exited;
    }

    /// <summary>Host stop: no conversation keeps a process any more; idle ones exit now (transcripts complete), busy ones after their turn.</summary>
    public void BeginStop()
    {
        lock (_lock)
        {
            _stopping = true;
        }

        _idleTimer.Dispose();
        EvictWhere(_ => true, "host-stopping");
    }

    /// <summary>Evicts idle conversations whose last turn ended <c>IdleTimeout</c> ago or more.</summary>
    public void EvictIdle()
    {
        var cutoff = _time.GetUtcNow() - Options.IdleTimeout;
        EvictWhere(e => e.LastUsed <= cutoff, "idle-timeout");
    }

    /// <summary>Evicts the least recently used idle conversations beyond <c>MaxPinned</c>.</summary>
    public void EnforceMaxPinned()
    {
        var max = Options.EffectiveMaxPinned(_pool.Options.Pool.MaxSize);
        var victims = new List<(ConversationEntry, QoderSession)>();
        lock (_lock)
        {
            var pinned = _entries.Values.Count(e => e.Pin is not null);
            foreach (var entry in _entries.Values.Where(e => e.Pin is not null && !e.Busy).OrderBy(e => e.LastUsed).ToList())
            {
                if (pinned-- <= max && !_stopping)
                {
                    break;
                }

                victims.Add((entry, entry.Pin!));
                entry.Pin = null;
            }
        }

        foreach (var (entry, session) in victims)
        {
            Evicted(entry, session, _stopping ? "host-stopping" : "max-pinned", drain: true);
        }
    }

    public void Dispose() => _idleTimer.Dispose();

    // Called by the pool, under its lock, when a waiter needs a slot and the pool is full: the least recently used idle pin.
    private PooledProcess? Reclaim()
    {
        ConversationEntry? victim;
        QoderSession pin;
        lock (_lock)
        {
            victim = _entries.Values.Where(e => e.Pin is not null && !e.Busy).MinBy(e => e.LastUsed);
            if (victim is null)
            {
                return null;
            }

            pin = victim.Pin!;
            victim.Pin = null;
        }

        pin.Detach();
        pin.Process.DrainGrace = Options.EvictionGracePeriod;
        Count(victim, "pool-full");
        return pin.Process;
    }

    private void EvictWhere(Func<ConversationEntry, bool> match, string reason)
    {
        List<(ConversationEntry, QoderSession)> victims;
        lock (_lock)
        {
            victims = [.. _entries.Values.Where(e => e.Pin is not null && !e.Busy && match(e)).Select(e => (e, e.Pin!))];
            foreach (var (entry, _) in victims)
            {
                entry.Pin = null;
            }
        }

        foreach (var (entry, session) in victims)
        {
            Evicted(entry, session, reason, drain: true);
        }
    }

    private void OnExited(ConversationEntry entry, QoderSession session)
    {
        lock (_lock)
        {
            // A busy pin's turn sees the exit itself; a pin already ended is not this conversation's any more.
            if (entry.Pin != session || entry.Busy)
            {
                return;
            }

            entry.Pin = null;
        }

        ConversationLog.PinnedProcessExited(_logger, _pool.DisplayName, entry.Id, session.ProcessId);
        Evicted(entry, session, "crashed", drain: false);
    }

    private void Evicted(ConversationEntry entry, QoderSession session, string reason, bool drain)
    {
        session.End("conversation-evicted", drain ? Options.EvictionGracePeriod : TimeSpan.Zero);
        Count(entry, reason);
    }

    private void Count(ConversationEntry entry, string reason)
    {
        _metrics.ConversationsEvicted.Add(1, _agentTag, new(QoderTelemetry.ReasonAttribute, reason));
        ConversationLog.Evicted(_logger, _pool.DisplayName, entry.Id, reason);
    }
}
