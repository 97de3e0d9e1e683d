using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class PoolTests
{
    [Fact]
    public async Task Warms_MinIdle_processes_at_start()
    {
        await using var t = new TestServices(o => o.Pool.MinIdle = 2);

        await t.Pool.StartAsync();

        Assert.Equal(2, t.Pool.Snapshot().Idle);
        Assert.Equal(2, t.Factory.Created.Count);
        Assert.Equal(HealthStatus.Healthy, (await t.Health.CheckHealthAsync()).Status);
        Assert.Equal("9.9.9", (await t.Health.CheckHealthAsync()).Entries["qoder"].Data["cliVersion"]);
    }

    [Fact]
    public async Task A_used_process_is_retired_and_replaced_an_unused_one_goes_back()
    {
        await using var t = new TestServices(o => o.Pool.MinIdle = 1);
        await t.Pool.StartAsync();
        var first = t.Factory.Created[0];

        var unused = await t.Sessions.CreateSessionAsync();
        Assert.Equal(first.ProcessId, unused.ProcessId);

        // Leasing the warm process starts a replacement so the next caller finds one ready too.
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Idle == 1 && t.Factory.Created.Count == 2, "the pool keeps MinIdle ready");
        await unused.DisposeAsync();
        Assert.False(first.Disposed);
        Assert.Equal(2, t.Pool.Snapshot().Idle);

        var used = await t.Sessions.CreateSessionAsync();
        var usedProcess = t.Factory.Created.Single(p => p.ProcessId == used.ProcessId);
        await used.SendAsync("hi");
        await foreach (var _ in used.ReceiveResponseAsync())
        {
        }

        await used.DisposeAsync();
        await Eventually.TrueAsync(() => usedProcess.Disposed, "the used process is disposed in the background");
        Assert.Equal(1, t.Pool.Snapshot().Idle);
        Assert.Equal(0, t.Pool.Snapshot().Busy);
    }

    [Fact]
    public async Task Bounds_the_total_and_serves_waiters_in_order_then_times_out_naming_both_knobs()
    {
        await using var t = new TestServices(o =>
        {
            o.Pool.MaxSize = 1;
            o.Pool.AcquireTimeout = TimeSpan.FromSeconds(10);
        });
        var holder = await t.Sessions.CreateSessionAsync();
        await holder.SendAsync("x");

        var second = t.Sessions.CreateSessionAsync().AsTask();
        var third = t.Sessions.CreateSessionAsync().AsTask();
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Pending == 2, "both callers wait");
        Assert.Equal(1, t.Pool.Snapshot().Total);

        await holder.DisposeAsync();
        var secondSession = await second;
        Assert.False(third.IsCompleted);
        Assert.Equal(1, t.Pool.Snapshot().Pending);

        t.Time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<QoderPoolExhaustedException>(() => third);
        Assert.Contains("Qoder:Pool:MaxSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qoder:Pool:AcquireTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, t.Pool.Snapshot().Pending);
        await secondSession.DisposeAsync();
    }

    [Fact]
    public async Task Cancelled_wait_leaves_the_line()
    {
        await using var t = new TestServices(o => o.Pool.MaxSize = 1);
        var holder = await t.Sessions.CreateSessionAsync();
        using var cts = new CancellationTokenSource();

        var waiting = t.Sessions.CreateSessionAsync(cancellationToken: cts.Token).AsTask();
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Pending == 1, "the caller waits");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, t.Pool.Snapshot().Pending);
        await holder.DisposeAsync();
    }

    [Fact]
    public async Task Recycles_idle_processes_after_IdleTimeout_and_MaxLifetime()
    {
        await using var t = new TestServices(o =>
        {
            o.Pool.MinIdle = 1;
            o.Pool.IdleTimeout = TimeSpan.FromMinutes(10);
            o.Pool.MaxLifetime = TimeSpan.FromMinutes(15);
        });
        await t.Pool.StartAsync();
        var first = t.Factory.Created[0];

        t.Time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => first.Disposed && t.Pool.Snapshot().Idle == 1, "the idle process is recycled and replaced");
        var second = t.Factory.Created[1];

        // Leased and returned unused within the idle timeout, but older than MaxLifetime by the next check.
        t.Time.Advance(TimeSpan.FromMinutes(8));
        var lease = await t.Sessions.CreateSessionAsync();
        await lease.DisposeAsync();
        t.Time.Advance(TimeSpan.FromMinutes(8));
        await Eventually.TrueAsync(() => second.Disposed, "the process past MaxLifetime is recycled");
    }

    [Fact]
    public async Task Replaces_a_crashed_idle_process_with_backoff_and_stops_at_the_restart_budget()
    {
        await using var t = new TestServices(o =>
        {
            o.Pool.MinIdle = 1;
            o.Pool.RestartBudget = 2;
            o.Pool.RestartBackoff = TimeSpan.FromSeconds(5);
            o.Pool.MaxRestartBackoff = TimeSpan.FromSeconds(5);
        });
        await t.Pool.StartAsync();

        t.Factory.Created[0].Crash();
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Idle == 0, "the crashed process leaves the pool");
        Assert.Single(t.Factory.Created);

        t.Time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => t.Factory.Created.Count == 2 && t.Pool.Snapshot().Idle == 1, "a replacement starts after the backoff");

        t.Factory.Created[1].Crash();
        await Eventually.TrueAsync(() => t.Pool.Snapshot().RestartBudgetExhausted, "the budget is spent");
        t.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, t.Factory.Created.Count);
        Assert.Equal(HealthStatus.Unhealthy, (await t.Health.CheckHealthAsync()).Status);

        t.Time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => t.Factory.Created.Count == 3, "restarts resume when the window clears");
    }

    [Fact]
    public async Task Start_failure_reaches_the_waiting_caller()
    {
        await using var t = new TestServices();
        t.Factory.OnConnect = (_, _) => throw new QoderAuthenticationException("rejected", "access_token_invalid", 41);

        await Assert.ThrowsAsync<QoderAuthenticationException>(() => t.Sessions.CreateSessionAsync().AsTask());
        Assert.Equal(0, t.Pool.Snapshot().Total);
    }

    [Fact]
    public async Task Processes_are_keyed_by_launch_options_and_model_is_applied_after_the_lease()
    {
        await using var t = new TestServices(o => o.Pool.MinIdle = 1);
        await t.Pool.StartAsync();
        var warm = t.Factory.Created[0];

        var withModel = await t.Sessions.CreateSessionAsync(new QoderSessionOptions { Model = "ultimate" });
        Assert.Equal(warm.ProcessId, withModel.ProcessId);
        Assert.Equal(["ultimate"], warm.ModelsSet);

        // Idle processes are taken last-in first-out: once the replacement is idle, the returned process is the next one out.
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Idle == 1, "the replacement for the leased process is ready");
        await withModel.DisposeAsync();

        var elsewhere = await t.Sessions.CreateSessionAsync(new QoderSessionOptions { SystemPrompt = "Other." });
        Assert.NotEqual(warm.ProcessId, elsewhere.ProcessId);
        Assert.Equal("Other.", t.Factory.Created[^1].Options.SystemPrompt);
        await elsewhere.DisposeAsync();

        // The returned process had its model switched; the next default lease switches it back.
        var again = await t.Sessions.CreateSessionAsync();
        Assert.Equal(warm.ProcessId, again.ProcessId);
        Assert.Equal(["ultimate", null], warm.ModelsSet);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task Stop_fails_waiters_waits_for_leases_then_retires_everything()
    {
        await using var t = new TestServices(o => o.Pool.MinIdle = 1);
        await t.Pool.StartAsync();
        var lease = await t.Sessions.CreateSessionAsync();
        using var shutdown = new CancellationTokenSource();

        var stopping = t.Pool.StopAsync(shutdown.Token);
        Assert.False(stopping.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => t.Sessions.CreateSessionAsync().AsTask());

        await shutdown.CancelAsync();
        await stopping;
        Assert.All(t.Factory.Created, p => Assert.True(p.Disposed));

        // Out of shutdown time: the leased process is killed, not taken through the graceful sequence.
        Assert.True(t.Factory.Created.Single(p => p.ProcessId == lease.ProcessId).Killed);
        await lease.DisposeAsync();
    }
}
