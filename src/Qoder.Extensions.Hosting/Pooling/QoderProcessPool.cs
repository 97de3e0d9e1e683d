using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting.Callbacks;
using Qoder.Extensions.Hosting.Diagnostics;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// The pool of one agent. It owns every idle and starting process; a lease owns its process until the session ends.
/// All state changes happen under <see cref="_lock"/>; process starts and disposals run outside it, in the background.
/// </summary>
internal sealed partial class QoderProcessPool : IQoderSessionFactory, IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<PooledProcess> _idle = [];
    private readonly HashSet<PooledProcess> _leased = [];
    private readonly WaitQueue _waiters = new();
    private readonly StartingCounter _starting = new();
    private readonly BackgroundWork _background = new();
    private readonly HashSet<PooledProcess> _retiring = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly StartThrottle _startThrottle;
    private readonly IQoderClientFactory _factory;
    private readonly CallbackBinder? _callbacks;
    private readonly TimeProvider _time;
    private readonly RestartPolicy _restarts;
    private readonly ILogger _logger;
    private readonly QoderMetrics _metrics;
    private readonly IDisposable? _optionsSubscription;
    private readonly KeyValuePair<string, object?> _agentTag;
    private QoderHostingOptions _options;
    private string _defaultKey;
    private ITimer? _pruneTimer;
    private ITimer? _restartTimer;
    private int _total;
    private bool _stopped;
    private bool _killOnRetire;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource? _warmUp;
    private int _generation;

    public QoderProcessPool(
        string name,
        IOptionsMonitor<QoderHostingOptions> options,
        IQoderClientFactory factory,
        CallbackBinder? callbacks,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        QoderMetrics metrics)
    {
        Name = name;
        DisplayName = string.IsNullOrEmpty(name) ? "default" : name;
        Section = QoderConfigurationKeys.SectionFor(name);
        _factory = factory;
        _callbacks = callbacks;
        _time = time;
        _restarts = new RestartPolicy(time);
        _logger = loggerFactory.CreateLogger("Qoder.Extensions.Hosting.Pool");
        _metrics = metrics;
        _agentTag = new(QoderTelemetry.AgentNameAttribute, DisplayName);
        _options = options.Get(name);
        _defaultKey = _options.Agent.GetLaunchIdentity();
        _startThrottle = new StartThrottle(_options.Pool.EffectiveMaxConcurrentStarts);
        _optionsSubscription = ValidReloads.Subscribe(options, name, Section, _logger, DisplayName, OnOptionsChanged);
        metrics.Register(this);
    }

    public string Name { get; }

    public string DisplayName { get; }

    public string Section { get; }

    public QoderHostingOptions Options => _options;

    /// <summary>Gets or sets what gives back a leased process nobody uses (an idle conversation's) when the pool is full; called under the pool's lock.</summary>
    public Func<PooledProcess?>? Reclaimer { get; set; }

    /// <summary>Takes the pool's counters at one instant.</summary>
    public PoolSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new PoolSnapshot(_idle.Count, _leased.Count, _starting.Total, _waiters.Count, _total, _retiring.Count, _restarts.Exhausted);
        }
    }

    /// <summary>Gets the <c>system/init</c> of the latest process that started, for the CLI version.</summary>
    public Qoder.AgentSdk.Protocol.SystemInitMessage? LastInit { get; private set; }

    /// <summary>The CLI could not be found at the last start (cleared by a successful start); the health check quotes it.</summary>
    public QoderCliNotFoundException? CliNotFound { get; private set; }

    /// <summary>Starts warming the pool and the recycling timer.</summary>
    /// <returns>A task that completes when <c>MinIdle</c> processes are ready, or faults with the first start failure.</returns>
    public Task StartAsync()
    {
        var pool = _options.Pool;
        QoderHostingLog.WarmingUp(_logger, DisplayName, pool.MinIdle, pool.MaxSize);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, Math.Min(pool.IdleTimeout.Ticks, pool.MaxLifetime.Ticks) / 4));
        lock (_lock)
        {
            _pruneTimer ??= _time.CreateTimer(_ => Prune(), null, period, period);
            _warmUp ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Pump();
            CompleteWarmUpIfReadyLocked();
            return _warmUp.Task;
        }
    }

    public async ValueTask<IQoderSession> CreateSessionAsync(QoderSessionOptions? options = null, CancellationToken cancellationToken = default) =>
        await LeaseAsync(options, cancellationToken).ConfigureAwait(false);

    /// <summary>Leases a process; what <see cref="CreateSessionAsync"/> does, typed for the agent.</summary>
    public async ValueTask<QoderSession> LeaseAsync(QoderSessionOptions? options, CancellationToken cancellationToken)
    {
        var baseOptions = _options;
        var launch = options is { ShapesLaunch: true } ? options.ApplyTo(baseOptions.Agent) : baseOptions.Agent;
        var key = options is { ShapesLaunch: true } ? launch.GetLaunchIdentity() : _defaultKey;
        var started = _time.GetTimestamp();
        var process = await AcquireAsync(key, launch, baseOptions.Pool, cancellationToken).ConfigureAwait(false);
        _metrics.LeaseWaitTime.Record(_time.GetElapsedTime(started).TotalSeconds, _agentTag);
        try
        {
            await process.SwitchToAsync(options, baseOptions.Agent, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(process, reusable: false, "lease-setup-failed");
            throw;
        }

        return new QoderSession(this, process);
    }

    /// <summary>Ends a lease: an unused, healthy process goes back to idle; anything else is retired in the background.</summary>
    public void Release(PooledProcess process, bool reusable, string reason)
    {
        lock (_lock)
        {
            ReleaseLocked(process, reusable, reason);
        }
    }

    /// <summary>Recycles idle processes past <c>IdleTimeout</c> or <c>MaxLifetime</c>.</summary>
    public void Prune()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var pool = _options.Pool;
            foreach (var process in _idle.ToList())
            {
                if (now - process.ReturnedAt >= pool.IdleTimeout)
                {
                    _idle.Remove(process);
                    RetireLocked(process, "idle-timeout");
                }
                else if (now - process.CreatedAt >= pool.MaxLifetime)
                {
                    _idle.Remove(process);
                    RetireLocked(process, "max-lifetime");
                }
            }

            Pump();
        }
    }

    /// <summary>
    /// Marks the start of host stop: from here on nothing new starts or is leased. Waiters fail, idle processes are
    /// retired and starts in progress are cancelled; leased sessions keep their processes until they end.
    /// </summary>
    public void BeginStop()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _pruneTimer?.Dispose();
            _restartTimer?.Dispose();
            _waiters.FailAll(new ObjectDisposedException(nameof(IQoderSessionFactory), "The host is stopping; no new Qoder sessions are leased."));
            foreach (var process in _idle)
            {
                RetireLocked(process, "host-stopping");
            }

            _idle.Clear();
            _warmUp?.TrySetException(new ObjectDisposedException(nameof(IQoderSessionFactory), "The host stopped before the Qoder pool was warm."));
            _stopping.Cancel();
        }
    }

    /// <summary>
    /// Stops the pool (<see cref="BeginStop"/>), waits for leases to end until <paramref name="cancellationToken"/>, then
    /// kills every process that is still leased or still shutting down.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BeginStop();
        Task drained;
        lock (_lock)
        {
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            CheckDrainedLocked();
            drained = _drained.Task;
            if (_leased.Count > 0)
            {
                QoderHostingLog.Draining(_logger, DisplayName, _leased.Count);
            }
        }

        try
        {
            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);

            // Retired processes shut down gracefully while the host still has time; what remains at the deadline is killed.
            await _background.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillRemainingAsync().ConfigureAwait(false);
        }

        // No process outlives the stop.
        await _background.WaitUntilIdleAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using (var expired = new CancellationTokenSource())
        {
            await expired.CancelAsync().ConfigureAwait(false);
            await StopAsync(expired.Token).ConfigureAwait(false);
        }

        _optionsSubscription?.Dispose();
        _metrics.Unregister(this);
        _stopping.Dispose();
        _startThrottle.Dispose();
    }

    // For containers disposed synchronously; the host disposes asynchronously. Nothing in the pool captures a
    // synchronisation context, so blocking here cannot deadlock.
#pragma warning disable RS0030, VSTHRD002
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
#pragma warning restore RS0030, VSTHRD002

    private void CompleteWarmUpIfReadyLocked()
    {
        if (_warmUp is not null && _idle.Count(p => p.Key == _defaultKey) + _leased.Count >= _options.Pool.MinIdle)
        {
            _warmUp.TrySetResult();
        }
    }

    private void ReleaseLocked(PooledProcess process, bool reusable, string reason)
    {
        if (!_leased.Remove(process))
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (reusable && !_stopped && process.Process.IsConnected && process.Generation == _generation
            && now - process.CreatedAt < _options.Pool.MaxLifetime)
        {
            process.ReturnedAt = now;
            _idle.Add(process);
        }
        else
        {
            RetireLocked(process, reusable ? "recycled" : reason);
        }

        Pump();
        CheckDrainedLocked();
    }

    private async Task<PooledProcess> AcquireAsync(string key, QoderAgentOptions launch, QoderPoolOptions pool, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (TryTakeIdleLocked(key) is { } idle)
            {
                _leased.Add(idle);
                Pump();
                return idle;
            }

            waiter = _waiters.Enqueue(key, launch);
            Pump();
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(pool.AcquireTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (waiter.Completion.Task.IsCompletedSuccessfully)
                {
                    // Handed a process just as the wait ended: the caller is gone, so the process is released unused,
                    // with every check of a release (a stopping host retires it rather than leaving it idle).
#pragma warning disable RS0030, VSTHRD103 // Completed (checked above): reading it does not block.
                    ReleaseLocked(waiter.Completion.Task.Result, reusable: true, "abandoned");
#pragma warning restore RS0030, VSTHRD103
                }
                else
                {
                    _waiters.Remove(waiter);
                    Pump();
                }
            }

            if (ex is TimeoutException)
            {
                QoderHostingLog.AcquireTimedOut(_logger, DisplayName, pool.AcquireTimeout, Snapshot().Busy, pool.MaxSize);
                throw new QoderPoolExhaustedException(Section, pool.MaxSize, pool.AcquireTimeout);
            }

            throw;
        }
    }

    private PooledProcess? TryTakeIdleLocked(string key)
    {
        for (var i = _idle.Count - 1; i >= 0; i--)
        {
            var process = _idle[i];
            if (process.Key == key && process.Process.IsConnected)
            {
                _idle.RemoveAt(i);
                return process;
            }
        }

        return null;
    }

    /// <summary>Hands idle processes to waiters in order, starts processes for waiters and for MinIdle. Called under the lock.</summary>
    private void Pump()
    {
        if (_stopped)
        {
            return;
        }

        _waiters.Serve(TryTakeIdleLocked, (waiter, idle) =>
        {
            _leased.Add(idle);
            waiter.Completion.SetResult(idle);
        });

        var pool = _options.Pool;
        var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var waiter in _waiters.InOrder)
        {
            var alreadyStarting = _starting[waiter.Key];
            var waiting = claimed[waiter.Key] = claimed.GetValueOrDefault(waiter.Key) + 1;
            if (waiting <= alreadyStarting)
            {
                continue;
            }

            if (_total >= pool.MaxSize && !FreeSlotLocked(waiter.Key))
            {
                // Capacity is shared: while the head cannot start a process, those behind it wait too (FIFO).
                break;
            }

            StartLocked(waiter.Key, waiter.Options);
        }

        if (_waiters.Count == 0)
        {
            Replenish(pool);
        }
    }

    private void Replenish(QoderPoolOptions pool)
    {
        if (_restarts.DelayBeforeStart(pool) is { } delay)
        {
            ScheduleRestartLocked(delay);
            return;
        }

        var ready = _idle.Count(p => p.Key == _defaultKey) + _starting[_defaultKey];
        while (ready < pool.MinIdle && _total < pool.MaxSize)
        {
            StartLocked(_defaultKey, _options.Agent);
            ready++;
        }
    }

    // Room for a waiter's process: an idle process of other options, else a leased one nobody uses (an idle conversation's).
    private bool FreeSlotLocked(string key)
    {
        if (_idle.FirstOrDefault(p => p.Key != key) is { } idle)
        {
            _idle.Remove(idle);
            RetireLocked(idle, "evicted-for-other-options");
            return true;
        }

        if (Reclaimer?.Invoke() is { } pinned && _leased.Remove(pinned))
        {
            RetireLocked(pinned, "conversation-evicted");
            return true;
        }

        return false;
    }

    private void StartLocked(string key, QoderAgentOptions options)
    {
        _total++;
        _starting.Increment(key);
        var (launch, lease) = _callbacks is null ? (options, null) : _callbacks.Bind(options);
        var process = new PooledProcess(key, _factory.Create(launch), options, lease) { Generation = _generation };
        _background.Track(Task.Run(() => RunStartAsync(process)));
    }

    private async Task RunStartAsync(PooledProcess process)
    {
        var started = _time.GetTimestamp();
        Exception? failure = null;
        try
        {
            await _startThrottle.ConnectAsync(process.Process, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var elapsed = _time.GetElapsedTime(started);
        lock (_lock)
        {
            _starting.Decrement(process.Key);
            if (failure is null && !_stopped)
            {
                _metrics.ProcessStartTime.Record(elapsed.TotalSeconds, _agentTag);
                QoderHostingLog.ProcessStarted(_logger, DisplayName, process.Process.ProcessId, (long)elapsed.TotalMilliseconds);
                LastInit = process.Process.InitMessage ?? LastInit;
                CliNotFound = null;
                process.CreatedAt = process.ReturnedAt = _time.GetUtcNow();
                _restarts.RecordSuccess();
                _idle.Add(process);
                _ = process.Process.Completion.ContinueWith(_ => OnExited(process), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                CompleteWarmUpIfReadyLocked();
            }
            else
            {
                RetireLocked(process, failure is null ? "host-stopping" : "start-failed");
                if (failure is not null && !_stopped)
                {
                    QoderHostingLog.ProcessStartFailed(_logger, failure, DisplayName);
                    CliNotFound = failure as QoderCliNotFoundException ?? CliNotFound;
                    RecordFailureLocked();
                    _warmUp?.TrySetException(failure);
                    _waiters.FailFirst(process.Key, failure);
                }
            }

            Pump();
            CheckDrainedLocked();
        }
    }

    private void RecordFailureLocked()
    {
        if (_restarts.RecordFailure(_options.Pool))
        {
            QoderHostingLog.RestartBudgetExhausted(_logger, DisplayName, _restarts.FailuresInWindow, _options.Pool.RestartWindow);
        }
    }

    private void ScheduleRestartLocked(TimeSpan delay)
    {
        _restartTimer?.Dispose();
        _restartTimer = _time.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    Pump();
                }
            },
            null,
            delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
            Timeout.InfiniteTimeSpan);
    }

    private void OnOptionsChanged(QoderHostingOptions changed)
    {
        lock (_lock)
        {
            var key = changed.Agent.GetLaunchIdentity();
            _options = changed;
            if (key != _defaultKey)
            {
                QoderHostingLog.OptionsChanged(_logger, DisplayName);
                _defaultKey = key;
                _generation++;
                foreach (var process in _idle.ToList())
                {
                    _idle.Remove(process);
                    RetireLocked(process, "options-changed");
                }
            }

            // Pool sizes may have changed too.
            Pump();
        }
    }
}
