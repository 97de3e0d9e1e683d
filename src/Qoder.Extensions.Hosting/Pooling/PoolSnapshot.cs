namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The counters of one pool, all read under one lock so that they agree with each other.</summary>
/// <param name="Idle">Processes ready for a lease.</param>
/// <param name="Busy">Processes leased to a session.</param>
/// <param name="Starting">Processes being started.</param>
/// <param name="Pending">Callers waiting for a process.</param>
/// <param name="Total">Processes counted against <c>MaxSize</c> (idle, busy and starting).</param>
/// <param name="Retiring">Retired processes still shutting down (no longer counted against <c>MaxSize</c>).</param>
/// <param name="RestartBudgetExhausted">Whether background restarts are paused by the restart budget.</param>
internal sealed record PoolSnapshot(int Idle, int Busy, int Starting, int Pending, int Total, int Retiring, bool RestartBudgetExhausted);
