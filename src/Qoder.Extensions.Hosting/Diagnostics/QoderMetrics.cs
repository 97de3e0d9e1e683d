using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Qoder.Extensions.Hosting.Conversations;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Diagnostics;

/// <summary>The instruments of every agent, created once per service provider from its <see cref="IMeterFactory"/>.</summary>
internal sealed class QoderMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<string, QoderProcessPool> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QoderConversations> _conversations = new(StringComparer.Ordinal);

    public QoderMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(QoderTelemetry.MeterName) ?? new Meter(QoderTelemetry.MeterName);
        _meter.CreateObservableGauge(QoderTelemetry.PoolIdle, () => Observe(s => s.Idle), "{process}", "Idle qodercli processes.");
        _meter.CreateObservableGauge(QoderTelemetry.PoolBusy, () => Observe(s => s.Busy), "{process}", "Leased qodercli processes.");
        _meter.CreateObservableGauge(QoderTelemetry.PoolStarting, () => Observe(s => s.Starting), "{process}", "qodercli processes being started.");
        _meter.CreateObservableGauge(QoderTelemetry.PoolPendingRequests, () => Observe(s => s.Pending), "{request}", "Callers waiting for a process.");
        ProcessStartTime = _meter.CreateHistogram<double>(QoderTelemetry.PoolProcessStartTime, "s", "Time from spawn to an initialised qodercli.");
        LeaseWaitTime = _meter.CreateHistogram<double>(QoderTelemetry.PoolLeaseWaitTime, "s", "Time a caller waited for a process.");
        Crashes = _meter.CreateCounter<long>(QoderTelemetry.PoolProcessCrashes, "{process}", "Processes that ended while idle.");
        Retired = _meter.CreateCounter<long>(QoderTelemetry.PoolProcessRetired, "{process}", "Processes retired by the pool.");
        RunDuration = _meter.CreateHistogram<double>(QoderTelemetry.RunDuration, "s", "Duration of agent runs.");
        RunResults = _meter.CreateCounter<long>(QoderTelemetry.RunResults, "{result}", "Run results by subtype.");
        TokenUsage = _meter.CreateHistogram<long>(QoderTelemetry.TokenUsage, "{token}", "Tokens used per run.");
        _meter.CreateObservableGauge(QoderTelemetry.ConversationsActive, () => ObserveConversations(c => c.Active), "{conversation}", "Conversations open on this host.");
        _meter.CreateObservableGauge(QoderTelemetry.ConversationsPinned, () => ObserveConversations(c => c.Pinned), "{conversation}", "Conversations holding a process.");
        ConversationsStarted = _meter.CreateCounter<long>(QoderTelemetry.ConversationsStarted, "{conversation}", "Conversations started.");
        ConversationsEvicted = _meter.CreateCounter<long>(QoderTelemetry.ConversationsEvicted, "{conversation}", "Conversations evicted from their process, by reason.");
        ConversationsResumed = _meter.CreateCounter<long>(QoderTelemetry.ConversationsResumed, "{conversation}", "Conversations resumed on a new process, by source.");
    }

    public Counter<long> ConversationsStarted { get; }

    public Counter<long> ConversationsEvicted { get; }

    public Counter<long> ConversationsResumed { get; }

    public void Register(QoderConversations conversations) => _conversations[conversations.DisplayName] = conversations;

    public void Unregister(QoderConversations conversations) =>
        _conversations.TryRemove(new KeyValuePair<string, QoderConversations>(conversations.DisplayName, conversations));

    public Histogram<double> ProcessStartTime { get; }

    public Histogram<double> LeaseWaitTime { get; }

    public Counter<long> Crashes { get; }

    public Counter<long> Retired { get; }

    public Histogram<double> RunDuration { get; }

    public Counter<long> RunResults { get; }

    public Histogram<long> TokenUsage { get; }

    public void Register(QoderProcessPool pool) => _pools[pool.DisplayName] = pool;

    public void Unregister(QoderProcessPool pool) => _pools.TryRemove(new KeyValuePair<string, QoderProcessPool>(pool.DisplayName, pool));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private List<Measurement<int>> ObserveConversations(Func<ConversationCounts, int> read) =>
        _conversations.Values.Select(c => new Measurement<int>(read(c.Counts()), new KeyValuePair<string, object?>(QoderTelemetry.AgentNameAttribute, c.DisplayName))).ToList();

    // One snapshot per pool and gauge: the counters of a pool agree with each other within a measurement.
    private List<Measurement<int>> Observe(Func<PoolSnapshot, int> read) =>
        _pools.Values.Select(p => new Measurement<int>(read(p.Snapshot()), new KeyValuePair<string, object?>(QoderTelemetry.AgentNameAttribute, p.DisplayName))).ToList();
}
