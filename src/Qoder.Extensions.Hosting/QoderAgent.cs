using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Diagnostics;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting;

/// <summary>Runs prompts on the pool through the agent's pipeline.</summary>
internal sealed class QoderAgent : IQoderAgent
{
    private readonly QoderProcessPool _pool;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly QoderMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly KeyValuePair<string, object?> _agentTag;
    private readonly KeyValuePair<string, object?> _operationTag = new(QoderTelemetry.GenAiOperationNameAttribute, QoderTelemetry.GenAiOperationNameValue);
    private readonly KeyValuePair<string, object?> _providerTag = new(QoderTelemetry.GenAiProviderNameAttribute, QoderTelemetry.GenAiProviderNameValue);

    public QoderAgent(QoderProcessPool pool, ResiliencePipeline pipeline, ILoggerFactory loggerFactory, QoderMetrics metrics, TimeProvider time)
    {
        _pool = pool;
        _pipeline = pipeline;
        _logger = loggerFactory.CreateLogger("Qoder.Extensions.Hosting.Agent");
        _metrics = metrics;
        _time = time;
        _agentTag = new(QoderTelemetry.AgentNameAttribute, pool.DisplayName);
    }

    public string Name => _pool.Name;

    public Task<QoderRunResult> RunAsync(string prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return RunAsync(QoderUserInput.FromText(prompt), options, cancellationToken);
    }

    public IAsyncEnumerable<QoderMessage> StreamAsync(string prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return StreamAsync(QoderUserInput.FromText(prompt), options, cancellationToken);
    }

    public async Task<QoderRunResult> RunAsync(QoderUserInput prompt, QoderSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        using var activity = StartActivity(options);
        var started = _time.GetTimestamp();
        LogPrompt(prompt);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var result = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Agent.RunAttemptAsync(ctx, state.Prompt, state.Options),
                context,
                (Agent: this, Prompt: prompt, Options: options)).ConfigureAwait(false);
            Complete(activity, result.Result, started);
            return result;
        }
        catch (Exception ex)
        {
            Fail(activity, ex, started);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async IAsyncEnumerable<QoderMessage> StreamAsync(QoderUserInput prompt, QoderSessionOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        using var activity = StartActivity(options);
        var started = _time.GetTimestamp();
        LogPrompt(prompt);
        StreamStart start;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            start = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Agent.StartStreamAttemptAsync(ctx, state.Prompt, state.Options, state.CallerToken),
                context,
                (Agent: this, Prompt: prompt, Options: options, CallerToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(activity, ex, started);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        await using (start.ConfigureAwait(false))
        {
            activity?.SetTag(QoderTelemetry.GenAiConversationIdAttribute, start.Session.SessionId);
            var message = start.First;
            while (true)
            {
                var endsTurn = message.EndsTurn();
                if (endsTurn)
                {
                    Complete(activity, (ResultMessage)message, started);
                }

                yield return message;
                if (endsTurn)
                {
                    yield break;
                }

                bool more;
                try
                {
                    more = await start.Enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Fail(activity, ex, started);
                    throw;
                }

                if (!more)
                {
                    // The CLI exited cleanly before the result: the stream simply ends.
                    yield break;
                }

                message = start.Enumerator.Current;
            }
        }
    }

    private async ValueTask<QoderRunResult> RunAttemptAsync(ResilienceContext context, QoderUserInput prompt, QoderSessionOptions? options)
    {
        var cancellationToken = context.CancellationToken;
        var session = await _pool.LeaseAsync(options, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            QoderHostingLog.RunStarted(_logger, _pool.DisplayName, session.SessionId);
            var uuid = await session.SendAsync(prompt, cancellationToken).ConfigureAwait(false);
            var builder = new RunResultBuilder();
            await foreach (var message in session.ReceiveResponseAsync(cancellationToken).ConfigureAwait(false))
            {
                if (message.AcceptsPrompt(uuid))
                {
                    context.Properties.Set(QoderResilience.TurnStartedKey, true);
                }

                if (builder.Add(message) is { } result)
                {
                    return result;
                }
            }

            throw await TurnEndedAsync(session).ConfigureAwait(false);
        }
    }

    private async ValueTask<StreamStart> StartStreamAttemptAsync(ResilienceContext context, QoderUserInput prompt, QoderSessionOptions? options, CancellationToken callerToken)
    {
        var attemptToken = context.CancellationToken;
        var session = await _pool.LeaseAsync(options, attemptToken).ConfigureAwait(false);
        CancellationTokenSource? turn = null;
        IAsyncEnumerator<QoderMessage>? enumerator = null;
        try
        {
            QoderHostingLog.RunStarted(_logger, _pool.DisplayName, session.SessionId);
            var uuid = await session.SendAsync(prompt, attemptToken).ConfigureAwait(false);

            // The turn outlives this attempt, so it listens to the caller's token, not to the pipeline's (pooled) one.
            turn = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            enumerator = session.ReceiveResponseAsync(turn.Token).GetAsyncEnumerator(turn.Token);
            var moveNext = enumerator.MoveNextAsync().AsTask();
            bool any;
            try
            {
                any = await moveNext.WaitAsync(attemptToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await turn.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(moveNext).ConfigureAwait(false);
                throw;
            }

            if (!any)
            {
                throw await TurnEndedAsync(session).ConfigureAwait(false);
            }

            if (enumerator.Current.AcceptsPrompt(uuid))
            {
                context.Properties.Set(QoderResilience.TurnStartedKey, true);
            }

            return new StreamStart(session, enumerator, enumerator.Current, turn);
        }
        catch
        {
            if (enumerator is not null)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }

            turn?.Dispose();
            session.MarkBroken();

            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task<QoderTurnEndedWithoutResultException> TurnEndedAsync(QoderSession session) =>
        session.TurnEndedWithoutResultAsync(_pool.Options.Agent.ShutdownGracePeriod, _time);

    private Activity? StartActivity(QoderSessionOptions? options)
    {
        var activity = QoderActivitySource.Instance.StartActivity($"{QoderTelemetry.GenAiOperationNameValue} {_pool.DisplayName}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(QoderTelemetry.GenAiProviderNameAttribute, QoderTelemetry.GenAiProviderNameValue);
            activity.SetTag(QoderTelemetry.GenAiOperationNameAttribute, QoderTelemetry.GenAiOperationNameValue);
            activity.SetTag(QoderTelemetry.GenAiAgentNameAttribute, _pool.DisplayName);
            activity.SetTag(QoderTelemetry.GenAiRequestModelAttribute, options?.Model ?? _pool.Options.Agent.Model ?? "auto");
        }

        return activity;
    }

    private void LogPrompt(QoderUserInput prompt)
    {
        if (_pool.Options.LogSensitiveData && _logger.IsEnabled(LogLevel.Trace))
        {
            var text = string.Concat(prompt.Content.OfType<QoderTextInput>().Select(t => t.Text));
            QoderHostingLog.Prompt(_logger, _pool.DisplayName, text);
        }
    }

    private void Complete(Activity? activity, ResultMessage result, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        var subtype = new KeyValuePair<string, object?>(QoderTelemetry.ResultSubtypeAttribute, result.Subtype);
        _metrics.RunDuration.Record(elapsed.TotalSeconds, _agentTag, subtype);
        _metrics.RunResults.Add(1, _agentTag, subtype);
        var input = result.Usage?.InputTokens;
        var output = result.Usage?.OutputTokens;
        if (input is { } inputTokens)
        {
            _metrics.TokenUsage.Record(inputTokens, _agentTag, _operationTag, _providerTag, new(QoderTelemetry.GenAiTokenTypeAttribute, "input"));
        }

        if (output is { } outputTokens)
        {
            _metrics.TokenUsage.Record(outputTokens, _agentTag, _operationTag, _providerTag, new(QoderTelemetry.GenAiTokenTypeAttribute, "output"));
        }

        QoderHostingLog.RunFinished(_logger, _pool.DisplayName, result.Subtype, (long)elapsed.TotalMilliseconds, result.SessionId, input, output);
        if (activity is not null)
        {
            activity.SetTag(QoderTelemetry.GenAiConversationIdAttribute, result.SessionId);
            activity.SetTag(QoderTelemetry.GenAiUsageInputTokensAttribute, input);
            activity.SetTag(QoderTelemetry.GenAiUsageOutputTokensAttribute, output);
            activity.SetTag(QoderTelemetry.ResultSubtypeAttribute, result.Subtype);
            activity.SetStatus(result.IsError ? ActivityStatusCode.Error : ActivityStatusCode.Ok, result.IsError ? result.Subtype : null);
        }
    }

    private void Fail(Activity? activity, Exception exception, long started)
    {
        _metrics.RunDuration.Record(_time.GetElapsedTime(started).TotalSeconds, _agentTag, new(QoderTelemetry.ResultSubtypeAttribute, exception.GetType().Name));
        if (exception is not OperationCanceledException)
        {
            QoderHostingLog.RunFailed(_logger, exception, _pool.DisplayName);
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag(QoderTelemetry.ErrorTypeAttribute, exception.GetType().FullName);
    }

    private sealed class StreamStart : IAsyncDisposable
    {
        private readonly CancellationTokenSource _turn;

        public StreamStart(QoderSession session, IAsyncEnumerator<QoderMessage> enumerator, QoderMessage first, CancellationTokenSource turn)
        {
            Session = session;
            Enumerator = enumerator;
            First = first;
            _turn = turn;
        }

        public QoderSession Session { get; }

        public IAsyncEnumerator<QoderMessage> Enumerator { get; }

        public QoderMessage First { get; }

        public async ValueTask DisposeAsync()
        {
            await Enumerator.DisposeAsync().ConfigureAwait(false);
            _turn.Dispose();
            await Session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
