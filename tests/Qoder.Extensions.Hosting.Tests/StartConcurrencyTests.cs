using System.Collections.Concurrent;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class StartConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_more_than_MaxConcurrentStarts_starts_run_at_once(int limit)
    {
        await using var t = new TestServices(o =>
        {
            o.Pool.MinIdle = 4;
            o.Pool.MaxSize = 4;
            o.Pool.MaxConcurrentStarts = limit;
        });
        var gates = new ConcurrentQueue<TaskCompletionSource>();
        var inFlight = 0;
        var mostInFlight = 0;
        t.Factory.OnConnect = async (_, ct) =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gates.Enqueue(gate);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            await gate.Task.WaitAsync(ct);
            Interlocked.Decrement(ref inFlight);
        };

        var warm = t.Pool.StartAsync();
        for (var released = 0; released < 4; released++)
        {
            // Every start that may run is in its connect before one is let through.
            var expected = Math.Min(limit, 4 - released);
            await Eventually.TrueAsync(() => gates.Count == expected, $"{expected} starts should be connecting");
            Assert.Equal(limit, Volatile.Read(ref mostInFlight));
            Assert.True(gates.TryDequeue(out var gate));
            gate.SetResult();
        }

        await warm;
        Assert.Equal(4, t.Pool.Snapshot().Idle);
        Assert.Equal(limit, mostInFlight);
    }

    [Fact]
    public void The_default_is_one_start_per_core()
    {
        Assert.Equal(Environment.ProcessorCount, new QoderPoolOptions().EffectiveMaxConcurrentStarts);
        Assert.Equal(3, new QoderPoolOptions { MaxConcurrentStarts = 3 }.EffectiveMaxConcurrentStarts);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
