using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Polly;
using Polly.Timeout;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class AgentTests
{
    [Fact]
    public async Task RunAsync_returns_text_result_usage_and_session()
    {
        await using var t = new TestServices();

        var result = await t.Agent.RunAsync("hello");

        Assert.Equal("OK", result.Text);
        Assert.Equal("success", result.Result.Subtype);
        Assert.Equal(10, result.Usage?.InputTokens);
        Assert.Equal("s-1", result.SessionId);
        Assert.Equal(["hello"], t.Factory.Created[0].Prompts);
    }

    [Fact]
    public async Task Spawn_and_handshake_failures_are_retried()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 2);
        var attempts = 0;
        t.Factory.OnConnect = (_, _) => ++attempts switch
        {
            1 => throw new QoderProcessExitedException("exited during start-up", 1, string.Empty),
            2 => throw new QoderControlTimeoutException("initialize", TimeSpan.FromSeconds(1)),
            _ => Task.CompletedTask,
        };

        var result = await t.Agent.RunAsync("hello");

        Assert.Equal("OK", result.Text);
        Assert.Equal(3, attempts);
    }

    [Theory]
    [MemberData(nameof(NeverRetried))]
    public async Task Authentication_and_configuration_errors_are_never_retried(Exception failure)
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 3);
        t.Factory.OnConnect = (_, _) => throw failure;

        await Assert.ThrowsAsync(failure.GetType(), () => t.Agent.RunAsync("hello"));
        Assert.Single(t.Factory.Created);
    }

    public static TheoryData<Exception> NeverRetried() =>
    [
        new QoderAuthenticationException("rejected", "access_token_invalid", 41),
        new QoderConfigurationException("CliPath", "bad"),
        new QoderCliNotFoundException("none", []),
    ];

    [Fact]
    public async Task A_crash_after_the_turn_produced_messages_is_not_retried()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 3);
        t.Factory.OnReceive = (_, ct) => CrashAfterFirst(ct);

        await Assert.ThrowsAsync<QoderProcessExitedException>(() => t.Agent.RunAsync("hello"));
        Assert.Single(t.Factory.Created);
    }

    [Fact]
    public async Task A_stream_is_never_replayed_after_a_message_was_yielded()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 3);
        t.Factory.OnReceive = (_, ct) => CrashAfterFirst(ct);
        var seen = new List<QoderMessage>();

        await Assert.ThrowsAsync<QoderProcessExitedException>(async () =>
        {
            await foreach (var message in t.Agent.StreamAsync("hello"))
            {
                seen.Add(message);
            }
        });

        Assert.Single(seen);
        Assert.Single(t.Factory.Created);
    }

    [Fact]
    public async Task StreamAsync_yields_up_to_the_result_and_retires_the_process()
    {
        await using var t = new TestServices();

        var messages = new List<QoderMessage>();
        await foreach (var message in t.Agent.StreamAsync("hello"))
        {
            messages.Add(message);
        }

        Assert.IsType<AssistantMessage>(messages[0]);
        Assert.IsType<ResultMessage>(messages[^1]);
        await Eventually.TrueAsync(() => t.Factory.Created[0].Disposed, "the used process is retired");
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException_and_evicts_the_process()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 3);
        t.Factory.OnReceive = (_, ct) => Hang(ct);
        using var cts = new CancellationTokenSource();

        var run = t.Agent.RunAsync("hello", cancellationToken: cts.Token);
        await Eventually.TrueAsync(() => t.Factory.Created.Count == 1 && t.Factory.Created[0].Prompts.Count == 1, "the prompt was sent");
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.IsNotType<TimeoutRejectedException>(error);
        await Eventually.TrueAsync(() => t.Factory.Created[0].Disposed, "the cancelled process is evicted");
        Assert.Single(t.Factory.Created);
    }

    [Fact]
    public async Task Policy_timeout_surfaces_as_TimeoutRejectedException()
    {
        await using var t = new TestServices(o =>
        {
            o.Pool.MinIdle = 1;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
        }, s => s.AddSingleton(TimeProvider.System));
        t.Factory.OnReceive = (_, ct) => Hang(ct);

        // Warm first, so that the timeout falls in the turn: a timeout while a process is still starting leaves that
        // process to the pool, unleased, which is right but not what this test is about.
        await t.Pool.StartAsync();
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => t.Agent.RunAsync("hello"));
        Assert.Single(t.Factory.Created[0].Prompts);
        await Eventually.TrueAsync(() => t.Factory.Created[0].Disposed, "the timed-out process is evicted");
    }

    [Fact]
    public void Classification_follows_the_turn_marker()
    {
        var context = ResilienceContextPool.Shared.Get();
        var exited = new QoderProcessExitedException("gone", 1, string.Empty);
        Assert.True(QoderResilience.IsTransient(exited, context));
        Assert.True(QoderResilience.IsTransient(new TimeoutRejectedException(), context));
        Assert.False(QoderResilience.IsTransient(new QoderControlTimeoutException("set_model", TimeSpan.FromSeconds(1)), context));
        Assert.False(QoderResilience.IsTransient(new QoderPoolExhaustedException("Qoder", 4, TimeSpan.FromSeconds(1)), context));
        Assert.False(QoderResilience.IsTransient(new OperationCanceledException(), context));

        context.Properties.Set(QoderResilience.TurnStartedKey, true);
        Assert.False(QoderResilience.IsTransient(exited, context));
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public async Task Logs_and_metrics_are_recorded_without_the_prompt_unless_enabled()
    {
        var logs = new FakeLogCollector();
        await using var t = new TestServices(
            o => o.LogSensitiveData = false,
            s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace)).AddMetrics());
        var meterFactory = t.Provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var results = new MetricCollector<long>(meterFactory, QoderTelemetry.MeterName, QoderTelemetry.RunResults);
        using var tokens = new MetricCollector<long>(meterFactory, QoderTelemetry.MeterName, QoderTelemetry.TokenUsage);
        using var wait = new MetricCollector<double>(meterFactory, QoderTelemetry.MeterName, QoderTelemetry.PoolLeaseWaitTime);

        await t.Agent.RunAsync("top secret prompt");

        var result = Assert.Single(results.GetMeasurementSnapshot());
        Assert.Equal("success", result.Tags[QoderTelemetry.ResultSubtypeAttribute]);
        Assert.Equal("default", result.Tags[QoderTelemetry.AgentNameAttribute]);
        Assert.Equal([10L, 3L], tokens.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Single(wait.GetMeasurementSnapshot());
        var finished = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2103);
        Assert.Contains("success", finished.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("top secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prompt_is_logged_when_sensitive_data_logging_is_on()
    {
        var logs = new FakeLogCollector();
        await using var t = new TestServices(
            o => o.LogSensitiveData = true,
            s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace)));

        await t.Agent.RunAsync("visible prompt");

        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 2102 && r.Message.Contains("visible prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_a_pooled_process_wrote_while_idle_neither_reaches_the_lease_nor_counts_as_acceptance()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 1);
        t.Factory.OnReceive = (process, ct) =>
        {
            var turn = process == t.Factory.Created[0] ? CrashBeforeAnything(ct) : FakeProcess.Reply("OK", ct);

            // A process whose buffered output was not dropped hands it to the lease's first receive.
            return process.Discards == 0 ? IdleOutputThen(turn) : turn;
        };

        var result = await t.Agent.RunAsync("hello");

        Assert.Equal("OK", result.Text);
        Assert.Equal(2, t.Factory.Created.Count);
        Assert.DoesNotContain(result.Messages, m => m is SystemStatusMessage);
    }

    [Fact]
    public async Task RunAsync_keeps_complete_messages_but_not_token_deltas()
    {
        await using var t = new TestServices();
        t.Factory.OnReceive = (_, ct) => DeltasThenReply(ct);

        var result = await t.Agent.RunAsync("hello");

        Assert.Equal("OK", result.Text);
        Assert.DoesNotContain(result.Messages, m => m is StreamEventMessage);
        Assert.Equal(2, result.Messages.Count);
    }

    private static async IAsyncEnumerable<QoderMessage> IdleOutputThen(IAsyncEnumerable<QoderMessage> turn)
    {
        yield return new SystemStatusMessage { Type = "system", Subtype = "status" };
        await foreach (var message in turn)
        {
            yield return message;
        }
    }

    private static async IAsyncEnumerable<QoderMessage> CrashBeforeAnything([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new QoderProcessExitedException("crashed before the turn", 1, string.Empty);
#pragma warning disable CS0162 // An iterator needs a yield.
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<QoderMessage> DeltasThenReply([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            yield return new StreamEventMessage { Type = "stream_event", Event = FakeProcess.Empty };
        }

        await foreach (var message in FakeProcess.Reply("OK", cancellationToken))
        {
            yield return message;
        }
    }

    private static async IAsyncEnumerable<QoderMessage> CrashAfterFirst([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new AssistantMessage { Type = "assistant", Message = new AssistantContent { Content = [new TextBlock { Type = "text", Text = "partial" }] } };
        cancellationToken.ThrowIfCancellationRequested();
        throw new QoderProcessExitedException("crashed mid-turn", 1, string.Empty);
    }

    private static async IAsyncEnumerable<QoderMessage> Hang([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}
