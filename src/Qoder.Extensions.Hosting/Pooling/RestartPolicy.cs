namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// When background starts may run after failures: an exponential backoff after consecutive failures, and a budget of
/// failures within a sliding window past which they pause until the window clears. Pure logic over a clock; the pool
/// calls it under its lock and schedules the wake-up.
/// </summary>
internal sealed class RestartPolicy
{
    private readonly Queue<DateTimeOffset> _failures = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private int _consecutive;

    public RestartPolicy(TimeProvider time)
    {
        _time = time;
    }

    public bool Exhausted { get; private set; }

    /// <summary>Gets the failures within the window as of the last call.</summary>
    public int FailuresInWindow => _failures.Count;

    /// <summary>Records a failed start or a crash.</summary>
    /// <returns><see langword="true"/> when this failure spent the budget.</returns>
    public bool RecordFailure(QoderPoolOptions pool)
    {
        var now = _time.GetUtcNow();
        _failures.Enqueue(now);
        _consecutive++;
        _notBefore = now + TimeSpan.FromTicks(Math.Min(pool.MaxRestartBackoff.Ticks, pool.RestartBackoff.Ticks * (1L << Math.Min(_consecutive - 1, 20))));
        Trim(now, pool);
        if (_failures.Count >= pool.RestartBudget && !Exhausted)
        {
            Exhausted = true;
            return true;
        }

        return false;
    }

    public void RecordSuccess() => _consecutive = 0;

    /// <summary>Tells how long background starts must wait.</summary>
    /// <returns><see langword="null"/> when they may run now, else the time until they may.</returns>
    public TimeSpan? DelayBeforeStart(QoderPoolOptions pool)
    {
        var now = _time.GetUtcNow();
        Trim(now, pool);
        Exhausted = _failures.Count >= pool.RestartBudget;
        if (Exhausted)
        {
            return _failures.Peek() + pool.RestartWindow - now;
        }

        return now < _notBefore ? _notBefore - now : null;
    }

    private void Trim(DateTimeOffset now, QoderPoolOptions pool)
    {
        while (_failures.Count > 0 && now - _failures.Peek() >= pool.RestartWindow)
        {
            _failures.Dequeue();
        }
    }
}
