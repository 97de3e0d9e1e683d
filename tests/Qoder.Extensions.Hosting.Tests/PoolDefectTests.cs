using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>The pool's parts on their own, and races of the pool made deterministic.</summary>
public sealed class PoolDefectTests
{
    private static readonly QoderPoolOptions Restarts = new()
    {
        RestartBudget = 3,
        RestartWindow = TimeSpan.FromMinutes(1),
        RestartBackoff = TimeSpan.FromSeconds(1),
        MaxRestartBackoff = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Restart_policy_backs_off_exponentially_up_to_the_cap_and_pauses_at_the_budget_until_the_window_clears()
    {
        var time = new FakeTimeProvider();
        var policy = new RestartPolicy(time);
        Assert.Null(policy.DelayBeforeStart(Restarts));

        Assert.False(policy.RecordFailure(Restarts));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBeforeStart(Restarts));
        Assert.False(policy.RecordFailure(Restarts));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayBeforeStart(Restarts));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(policy.DelayBeforeStart(Restarts));

        Assert.True(policy.RecordFailure(Restarts));
        Assert.True(policy.Exhausted);
        Assert.Equal(TimeSpan.FromSeconds(58), policy.DelayBeforeStart(Restarts));
        time.Advance(TimeSpan.FromSeconds(58));
        Assert.Null(policy.DelayBeforeStart(Restarts));
        Assert.False(policy.Exhausted);

        policy.RecordSuccess();
        Assert.False(policy.RecordFailure(Restarts));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBeforeStart(Restarts));
    }

    [Fact]
    public void Backoff_is_capped_by_MaxRestartBackoff()
    {
        var time = new FakeTimeProvider();
        var policy = new RestartPolicy(time);
        var pool = new QoderPoolOptions { RestartBudget = 100, RestartBackoff = TimeSpan.FromSeconds(1), MaxRestartBackoff = TimeSpan.FromSeconds(3) };
        for (var i = 0; i < 5; i++)
        {
            policy.RecordFailure(pool);
        }

        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBeforeStart(pool));
    }

    [Fact]
    public void The_start_counter_forgets_a_launch_identity_at_zero()
    {
        var counter = new StartingCounter();
        counter.Increment("per-request-a");
        counter.Increment("per-request-a");
        counter.Increment("per-request-b");

        counter.Decrement("per-request-a");
        counter.Decrement("per-request-b");
        Assert.Equal(1, counter.Keys);
        counter.Decrement("per-request-a");

        Assert.Equal(0, counter.Keys);
        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task A_process_handed_over_as_the_wait_times_out_during_host_stop_does_not_escape_the_stop()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var hooked = new HookedTimeProvider(clock);
        await using var t = new TestServices(
            o =>
            {
                o.Pool.MaxSize = 1;
                o.Pool.AcquireTimeout = TimeSpan.FromSeconds(10);
            },
            s => s.AddSingleton<TimeProvider>(hooked));
        var holder = await t.Sessions.CreateSessionAsync();
        var process = Assert.Single(t.Factory.Created);

        // The hand-off and the host stop happen in the instant the waiter's timeout fires, before it is observed.
        hooked.BeforeNextTimer(TimeSpan.FromSeconds(10), () =>
        {
            // The timer hook is synchronous: the release must be complete before the timer fires.
#pragma warning disable RS0030, VSTHRD002
            holder.DisposeAsync().AsTask().GetAwaiter().GetResult();
#pragma warning restore RS0030, VSTHRD002
            t.Pool.BeginStop();
        });
        var waiting = t.Sessions.CreateSessionAsync().AsTask();
        await Eventually.TrueAsync(() => t.Pool.Snapshot().Pending == 1, "the second caller waits");
        clock.Advance(TimeSpan.FromSeconds(10));
        try
        {
            await (await waiting).DisposeAsync();
        }
        catch (QoderPoolExhaustedException)
        {
            // The timeout won: the process it was handed must still go the way of the stop.
        }

        using var expired = new CancellationTokenSource();
        await expired.CancelAsync();
        await t.Pool.StopAsync(expired.Token);
        Assert.True(process.Disposed || process.Killed, "the handed-over process outlived the host stop");
        Assert.Equal(0, t.Pool.Snapshot().Idle);
    }

    [Fact]
    public async Task At_the_shutdown_deadline_trees_are_killed_side_by_side_outside_the_pool_lock()
    {
        await using var t = new TestServices(o => o.Pool.MaxSize = 2);
        var first = await t.Sessions.CreateSessionAsync();
        var second = await t.Sessions.CreateSessionAsync();
        using var bothKilling = new Barrier(2);
        var outcomes = new List<(bool Together, bool LockFree)>();
        t.Factory.OnAbort = _ =>
        {
            // A kill under the pool lock would block a snapshot taken from another thread.
            // The probe is whether another thread gets the lock while this one is inside the kill: a bounded block.
#pragma warning disable RS0030, VSTHRD002
            var lockFree = Task.Run(() => t.Pool.Snapshot()).Wait(TimeSpan.FromSeconds(10));
#pragma warning restore RS0030, VSTHRD002
            var together = bothKilling.SignalAndWait(TimeSpan.FromSeconds(10));
            lock (outcomes)
            {
                outcomes.Add((together, lockFree));
            }
        };
        using var expired = new CancellationTokenSource();
        await expired.CancelAsync();

        await t.Pool.StopAsync(expired.Token);

        Assert.Equal([(true, true), (true, true)], outcomes);
        await first.DisposeAsync();
        await second.DisposeAsync();
    }
}
