using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting.Conversations;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>Conversations pinned to stand-in processes: start, turns, concurrency, the pool bound, eviction and host stop.</summary>
public sealed class ConversationTests
{
    private static readonly TimeSpan Guard = ConversationHost.Guard;

    [Fact]
    public async Task A_conversation_takes_a_warm_process_and_keeps_it_between_turns()
    {
        await using var host = new ConversationHost(QoderScenario.Create().Reply("first").Reply("second"));
        await host.StartAsync();
        var warm = Assert.Single(host.StartedPids());

        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        var first = await host.Conversations.RunAsync(id, "one").WaitAsync(Guard);
        var second = await host.Conversations.RunAsync(id, "two").WaitAsync(Guard);

        Assert.Equal(id, first.SessionId);
        Assert.Equal(("first", "second"), (first.Text, second.Text));
        Assert.Null(host.ResumedId(warm));
        var prompts = host.Record(warm).FramesOfType("user");
        Assert.Equal(2, prompts.Count);
        Assert.Equal(new ConversationCounts(1, 1), host.Counts);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("8a0e3f57-0000-4000-8000-00000000abcd")]
    public async Task An_unknown_conversation_is_not_found(string id)
    {
        await using var host = new ConversationHost(QoderScenario.Create());
        await host.StartAsync();

        var run = await Assert.ThrowsAsync<QoderConversationNotFoundException>(() => host.Conversations.RunAsync(id, "hi").WaitAsync(Guard));
        Assert.Equal(id, run.ConversationId);
        await Assert.ThrowsAsync<QoderConversationNotFoundException>(() => host.Conversations.DeleteAsync(id).WaitAsync(Guard));
        Assert.Equal(0, host.Counts.Active);
        Assert.Single(host.StartedPids());
    }

    [Fact]
    public async Task A_second_turn_is_rejected_while_one_runs_under_Reject()
    {
        var permission = new HeldPermission();
        await using var host = new ConversationHost(
            HeldScenario(),
            o => o.Conversations.Concurrency = QoderConversationConcurrency.Reject,
            agent: o => o.CanUseTool = permission.DecideAsync);
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);

        var first = host.Conversations.RunAsync(id, "one");
        await permission.Asked.WaitAsync(Guard);
        var busy = await Assert.ThrowsAsync<QoderConversationBusyException>(() => host.Conversations.RunAsync(id, "two").WaitAsync(Guard));
        Assert.Equal(QoderConversationConcurrency.Reject, busy.Policy);
        Assert.Contains("Qoder:Conversations:Concurrency", busy.Message, StringComparison.Ordinal);

        permission.Release();
        Assert.Equal("first", (await first.WaitAsync(Guard)).Text);
        Assert.Equal("second", (await host.Conversations.RunAsync(id, "two").WaitAsync(Guard)).Text);
    }

    [Fact]
    public async Task A_second_turn_waits_for_the_running_one_under_Wait_and_runs_after_it_on_the_same_process()
    {
        var permission = new HeldPermission();
        await using var host = new ConversationHost(HeldScenario(), agent: o => o.CanUseTool = permission.DecideAsync);
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);

        var first = host.Conversations.RunAsync(id, "one");
        await permission.Asked.WaitAsync(Guard);
        var second = host.Conversations.RunAsync(id, "two");
        var pid = Assert.Single(host.StartedPids());
        Assert.Single(host.Record(pid).FramesOfType("user"));
        Assert.False(second.IsCompleted);

        permission.Release();
        Assert.Equal("first", (await first.WaitAsync(Guard)).Text);
        Assert.Equal("second", (await second.WaitAsync(Guard)).Text);
        var prompts = host.Record(pid).FramesOfType("user").Select(f => f.GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(["one", "two"], prompts);
    }

    [Fact]
    public async Task Queued_turns_run_in_order_and_one_beyond_the_queue_is_rejected()
    {
        var permission = new HeldPermission();
        await using var host = new ConversationHost(
            HeldScenario().Reply("third"),
            o =>
            {
                o.Conversations.Concurrency = QoderConversationConcurrency.Queue;
                o.Conversations.MaxQueuedTurns = 2;
            },
            agent: o => o.CanUseTool = permission.DecideAsync);
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);

        var first = host.Conversations.RunAsync(id, "one");
        await permission.Asked.WaitAsync(Guard);
        var second = host.Conversations.RunAsync(id, "two");
        var third = host.Conversations.RunAsync(id, "three");
        var busy = await Assert.ThrowsAsync<QoderConversationBusyException>(() => host.Conversations.RunAsync(id, "four").WaitAsync(Guard));
        Assert.Equal(QoderConversationConcurrency.Queue, busy.Policy);

        permission.Release();
        Assert.Equal(["first", "second", "third"], (await Task.WhenAll(first, second, third).WaitAsync(Guard)).Select(r => r.Text));
    }

    [Fact]
    public async Task The_pool_bound_holds_with_pinned_conversations_and_a_new_one_takes_the_least_recently_used_idle_pin()
    {
        await using var host = new ConversationHost(
            QoderScenario.Create(),
            o =>
            {
                o.Pool.MaxSize = 2;
                o.Conversations.ReservedSlots = 0;
            },
            services: s => s.AddMetrics());
        using var evicted = new MetricCollector<long>(host.Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), QoderTelemetry.MeterName, QoderTelemetry.ConversationsEvicted);
        await host.StartAsync();

        var a = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(a, "a").WaitAsync(Guard);
        var b = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(b, "b").WaitAsync(Guard);
        Assert.Equal(2, host.Counts.Pinned);

        var c = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(c, "c").WaitAsync(Guard);

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
        Assert.True(host.Pool.Snapshot().Total <= 2, "idle + starting + leased stays within MaxSize");
        Assert.Equal(2, host.Counts.Pinned);
        var eviction = Assert.Single(evicted.GetMeasurementSnapshot());
        Assert.Equal("pool-full", eviction.Tags[QoderTelemetry.ReasonAttribute]);

        // The evicted one closed stdin and exited on its own: its transcript is complete.
        var first = Assert.Single(host.PidsThatRan("a"));
        await ProcessWatch.GoneAsync(first);
        Assert.Equal("stdin_eof", host.Record(first).ExitReason);
    }

    [Fact]
    public async Task The_reserve_keeps_a_slot_free_of_pins_so_one_off_runs_are_not_starved()
    {
        await using var host = new ConversationHost(QoderScenario.Create(), o =>
        {
            o.Pool.MaxSize = 3;
            o.Pool.AcquireTimeout = TimeSpan.FromSeconds(30);
        });
        await host.StartAsync();

        foreach (var prompt in new[] { "a", "b", "c" })
        {
            var id = await host.Conversations.StartAsync().WaitAsync(Guard);
            await host.Conversations.RunAsync(id, prompt).WaitAsync(Guard);
        }

        Assert.Equal(2, host.Counts.Pinned);
        var run = await host.Host.Services.GetRequiredService<IQoderAgent>().RunAsync("one-off").WaitAsync(Guard);
        Assert.Equal("success", run.Result.Subtype);
        Assert.True(host.Pool.Snapshot().Total <= 3);
    }

    [Fact]
    public async Task An_eviction_waits_for_the_CLI_to_exit_on_its_own_beyond_the_shutdown_grace()
    {
        // Like the real CLI (about 8.6 s after EOF), this one takes longer to exit than the shutdown grace allows.
        await using var host = new ConversationHost(
            QoderScenario.Create().ExitOnEof(0, TimeSpan.FromSeconds(2)),
            o => o.Conversations.EvictionGracePeriod = TimeSpan.FromSeconds(30),
            agent: o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(200));
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(id, "hi").WaitAsync(Guard);
        var pid = Assert.Single(host.PidsThatRan("hi"));

        await host.Conversations.CloseAsync(id).WaitAsync(Guard);

        Assert.False(ProcessLiveness.IsAlive(pid));
        Assert.Equal("stdin_eof", host.Record(pid).ExitReason);
        Assert.Equal(0, host.Counts.Active);
    }

    [Fact]
    public async Task Host_stop_ends_pinned_conversations_with_a_clean_exit_and_leaves_no_process()
    {
        var host = new ConversationHost(QoderScenario.Create());
        await using (host)
        {
            await host.StartAsync();
            var id = await host.Conversations.StartAsync().WaitAsync(Guard);
            await host.Conversations.RunAsync(id, "hi").WaitAsync(Guard);
            var pinned = Assert.Single(host.PidsThatRan("hi"));

            await host.Host.StopAsync().WaitAsync(Guard);

            Assert.Equal("stdin_eof", host.Record(pinned).ExitReason);
            await ProcessWatch.GoneAsync(host.StartedPids());
            await Assert.ThrowsAsync<ObjectDisposedException>(() => host.Conversations.RunAsync(id, "again"));
        }
    }

    [Fact]
    public async Task Every_span_of_a_conversation_turn_carries_the_conversation_id()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == QoderTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new ConversationHost(QoderScenario.Create());
        await host.StartAsync();
        using var test = new ActivitySource("conversation-span-test");
        using var listenToTest = new ActivityListener
        {
            ShouldListenTo = s => s == test,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listenToTest);

        string id;
        ActivityTraceId trace;
        using (var root = test.StartActivity("test")!)
        {
            trace = root.TraceId;
            id = await host.Conversations.StartAsync().WaitAsync(Guard);
            await host.Conversations.RunAsync(id, "hi").WaitAsync(Guard);
            await host.Conversations.CloseAsync(id).WaitAsync(Guard);
            await foreach (var _ in host.Conversations.StreamAsync(id, "again").WithCancellation(CancellationToken.None))
            {
            }
        }

        List<Activity> ours;
        lock (spans)
        {
            ours = [.. spans.Where(s => s.TraceId == trace)];
        }

        // Start, a turn, a streamed turn and the resume inside it.
        Assert.Equal(4, ours.Count);
        Assert.Single(ours, s => s.OperationName.StartsWith(QoderTelemetry.ResumeConversationOperation, StringComparison.Ordinal));
        Assert.All(ours, s => Assert.Equal(id, s.GetTagItem(QoderTelemetry.GenAiConversationIdAttribute)));
    }

    private static QoderScenario HeldScenario() => QoderScenario.Create()
        .Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "true" }, requiresPermission: true).Text("first"))
        .Reply("second");
}
