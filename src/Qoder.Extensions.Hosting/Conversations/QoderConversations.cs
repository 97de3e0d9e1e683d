using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Diagnostics;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>
/// The conversations of one agent: pinned to a pooled process while hot, evicted when idle or when the pool needs the
/// slot, resumed with <c>--resume</c> when cold. Turns run through the agent's resilience pipeline; a turn whose process
/// died is retried on a resumed process with the same message uuid, which the CLI never runs twice.
/// </summary>
internal sealed class QoderConversations : IQoderConversations, IAsyncDisposable
{
    private readonly QoderProcessPool _pool;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConversationPins _pins;
    private readonly ConversationTranscripts _transcripts;
    private readonly ConversationTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenRegistration _stopping;

    public QoderConversations(
        QoderProcessPool pool,
        ResiliencePipeline pipeline,
        ConversationTranscripts transcripts,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        QoderMetrics metrics,
        CancellationToken hostStopping)
    {
        _pool = pool;
        _pipeline = pipeline;
        _transcripts = transcripts;
        _time = time;
        _logger = loggerFactory.CreateLogger("Qoder.Extensions.Hosting.Conversations");
        _pins = new ConversationPins(pool, time, _logger, metrics);
        _telemetry = new ConversationTelemetry(pool, metrics, time, _logger);
        metrics.Register(this);
        _stopping = hostStopping.Register(static state => ((ConversationPins)state!).BeginStop(), _pins);
    }

    public string Name => _pool.Name;

    public string DisplayName => _pool.DisplayName;

    public ConversationCounts Counts() => _pins.Counts();

    public async Task<string> StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfStopping();
        using var activity = _telemetry.StartActivity(QoderTelemetry.CreateConversationOperation, null);

        // A pre-warmed process already has its session id (system/init at initialize): the conversation takes it.
        var session = await _pool.LeaseAsync(null, cancellationToken).ConfigureAwait(false);
        if (session.SessionId is not { Length: > 0 } id)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            id = Guid.NewGuid().ToString();
            session = await _pool.LeaseAsync(new QoderSessionOptions { SessionId = id }, cancellationToken).ConfigureAwait(false);
        }

        activity?.SetTag(QoderTelemetry.GenAiConversationIdAttribute, id);
        _pins.Pin(new ConversationEntry(id, hasTranscript: false), session);
        _telemetry.Started(id, session.ProcessId);
        return id;
    }

    public Task<QoderRunResult> RunAsync(string conversationId, string prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return RunAsync(conversationId, QoderUserInput.FromText(prompt), options, cancellationToken);
    }

    public IAsyncEnumerable<QoderMessage> StreamAsync(string conversationId, string prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return StreamAsync(conversationId, QoderUserInput.FromText(prompt), options, cancellationToken);
    }

    public async Task<QoderRunResult> RunAsync(string conversationId, QoderUserInput prompt, QoderTurnOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var entry = Entry(conversationId);
        var uuid = options?.MessageUuid ?? prompt.Uuid ?? Guid.NewGuid().ToString();
        using var activity = _telemetry.StartActivity(QoderTelemetry.GenAiOperationNameValue, conversationId);
        var started = _time.GetTimestamp();
        _telemetry.LogPrompt(prompt);
        try
        {
            using (await EnterAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                var context = ResilienceContextPool.Shared.Get(cancellationToken);
                try
                {
                    var result = await _pipeline.ExecuteAsync(
                        static (ctx, state) => state.Self.RunAttemptAsync(ctx, state.Entry, state.Prompt, state.Uuid),
                        context,
                        (Self: this, Entry: entry, Prompt: prompt, Uuid: uuid)).ConfigureAwait(false);
                    _telemetry.Complete(activity, result.Result, started);
                    return result;
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                    _pins.SetBusy(entry, busy: false);
                }
            }
        }
        catch (Exception ex)
        {
            _telemetry.Fail(activity, ex, started);
            throw;
        }
    }

    public async IAsyncEnumerable<QoderMessage> StreamAsync(string conversationId, QoderUserInput prompt, QoderTurnOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var entry = Entry(conversationId);
        var uuid = options?.MessageUuid ?? prompt.Uuid ?? Guid.NewGuid().ToString();
        using var activity = _telemetry.StartActivity(QoderTelemetry.GenAiOperationNameValue, conversationId);
        var started = _time.GetTimestamp();
        _telemetry.LogPrompt(prompt);
        TurnGate.Releaser gate;
        try
        {
            gate = await EnterAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _telemetry.Fail(activity, ex, started);
            throw;
        }

        using (gate)
        {
            StreamStart start;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            try
            {
                start = await _pipeline.ExecuteAsync(
                    static (ctx, state) => state.Self.StartStreamAttemptAsync(ctx, state.Entry, state.Prompt, state.Uuid, state.CallerToken),
                    context,
                    (Self: this, Entry: entry, Prompt: prompt, Uuid: uuid, CallerToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _pins.SetBusy(entry, busy: false);
                _telemetry.Fail(activity, ex, started);
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            var ended = false;
            try
            {
                var message = start.First;
                while (true)
                {
                    if (message.EndsTurn())
                    {
                        ended = true;
                        _telemetry.Complete(activity, (ResultMessage)message, started);
                        await EndTurnAsync(entry, start.Session).ConfigureAwait(false);
                        yield return message;
                        yield break;
                    }

                    yield return message;
                    bool more;
                    try
                    {
                        more = await start.Messages.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        _telemetry.Fail(activity, ex, started);
                        throw;
                    }

                    if (!more)
                    {
                        // The CLI exited cleanly before the result: the stream ends, as IQoderAgent's does.
                        yield break;
                    }

                    message = start.Messages.Current;
                }
            }
            finally
            {
                await start.DisposeAsync().ConfigureAwait(false);
                if (!ended)
                {
                    // Abandoned, cancelled or failed mid-stream: the process is unfit; the next turn resumes.
                    _ = _pins.UnpinAsync(entry, "turn-failed", evicted: true);
                }

                _pins.SetBusy(entry, busy: false);
            }
        }
    }

    public async Task CloseAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (!ConversationIds.IsWellFormed(conversationId) || _pins.Find(conversationId) is not { } entry)
        {
            return;
        }

        await CloseEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        ConversationLog.Closed(_logger, _pool.DisplayName, conversationId);
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (!ConversationIds.IsWellFormed(conversationId))
        {
            throw NotFound(conversationId);
        }

        var known = false;
        if (_pins.Find(conversationId) is { } entry)
        {
            known = true;
            await CloseEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        if (!await _transcripts.DeleteAsync(conversationId, _pool.Options.Agent, cancellationToken).ConfigureAwait(false) && !known)
        {
            throw NotFound(conversationId);
        }

        ConversationLog.Deleted(_logger, _pool.DisplayName, conversationId);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        _pins.Dispose();
        return ValueTask.CompletedTask;
    }

    private ConversationEntry Entry(string conversationId)
    {
        if (!ConversationIds.IsWellFormed(conversationId))
        {
            throw NotFound(conversationId);
        }

        ThrowIfStopping();
        return _pins.GetOrAdd(conversationId);
    }

    private async ValueTask<TurnGate.Releaser> EnterAsync(ConversationEntry entry, CancellationToken cancellationToken)
    {
        TurnGate.Releaser gate;
        try
        {
            gate = await entry.Gate.EnterAsync(entry.Id, _pool.Section, _pool.Options.Conversations, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (QoderConversationBusyException ex)
        {
            ConversationLog.Busy(_logger, _pool.DisplayName, entry.Id, ex.Policy);
            throw;
        }

        _pins.SetBusy(entry, busy: true);
        return gate;
    }

    private async ValueTask<QoderRunResult> RunAttemptAsync(ResilienceContext context, ConversationEntry entry, QoderUserInput prompt, string uuid)
    {
        var cancellationToken = context.CancellationToken;
        var session = await PinnedAsync(entry, cancellationToken).ConfigureAwait(false);
        try
        {
            await session.SendTurnAsync(TurnInput.WithUuid(prompt, uuid), cancellationToken).ConfigureAwait(false);
            var result = await TurnReceiver.CollectAsync(TurnReceiver.ReceiveAsync(session, entry.Id, uuid, new AttemptAcceptance(context), cancellationToken)).ConfigureAwait(false)
                ?? throw await session.TurnEndedWithoutResultAsync(_pool.Options.Agent.ShutdownGracePeriod, _time).ConfigureAwait(false);
            await EndTurnAsync(entry, session).ConfigureAwait(false);
            return result;
        }
        catch (QoderDuplicateMessageException)
        {
            await EndTurnAsync(entry, session).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            TurnFailed(context, entry, ex);
            throw;
        }
    }

    private async ValueTask<StreamStart> StartStreamAttemptAsync(ResilienceContext context, ConversationEntry entry, QoderUserInput prompt, string uuid, CancellationToken callerToken)
    {
        var attemptToken = context.CancellationToken;
        var session = await PinnedAsync(entry, attemptToken).ConfigureAwait(false);
        CancellationTokenSource? turn = null;
        IAsyncEnumerator<QoderMessage>? messages = null;
        try
        {
            await session.SendTurnAsync(TurnInput.WithUuid(prompt, uuid), attemptToken).ConfigureAwait(false);

            // The turn outlives this attempt, so it listens to the caller's token, not to the pipeline's (pooled) one.
            turn = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            var acceptance = new AttemptAcceptance(context);
            messages = TurnReceiver.ReceiveAsync(session, entry.Id, uuid, acceptance, turn.Token).GetAsyncEnumerator(turn.Token);
            var moveNext = messages.MoveNextAsync().AsTask();
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
                throw await session.TurnEndedWithoutResultAsync(_pool.Options.Agent.ShutdownGracePeriod, _time).ConfigureAwait(false);
            }

            acceptance.Detach();
            return new StreamStart(session, messages, messages.Current, turn);
        }
        catch (Exception ex)
        {
            if (messages is not null)
            {
                await messages.DisposeAsync().ConfigureAwait(false);
            }

            turn?.Dispose();
            if (ex is QoderDuplicateMessageException)
            {
                await EndTurnAsync(entry, session).ConfigureAwait(false);
            }
            else
            {
                TurnFailed(context, entry, ex);
            }

            throw;
        }
    }

    /// <summary>The conversation's live process: its pin, else a process that resumes it (or, never prompted, restarts it under its id).</summary>
    private async Task<QoderSession> PinnedAsync(ConversationEntry entry, CancellationToken cancellationToken)
    {
        if (_pins.LivePin(entry) is { } pin)
        {
            return pin;
        }

        ThrowIfStopping();
        var agent = _pool.Options.Agent;
        QoderSessionOptions lease;
        ResumeSource? source = null;
        if (entry.HasTranscript)
        {
            source = await _transcripts.FindAsync(entry.Id, agent, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                _pins.Forget(entry);
                throw NotFound(entry.Id);
            }

            lease = new QoderSessionOptions { Resume = entry.Id };
        }
        else
        {
            lease = new QoderSessionOptions { SessionId = entry.Id };
        }

        using var activity = source is null ? null : _telemetry.StartActivity(QoderTelemetry.ResumeConversationOperation, entry.Id);
        var session = await _pool.LeaseAsync(lease, cancellationToken).ConfigureAwait(false);
        _pins.Pin(entry, session);
        if (source is { } from)
        {
            _telemetry.Resumed(entry.Id, session.ProcessId, from);
        }

        return session;
    }

    /// <summary>A turn ended with its result: the next turn's callbacks get a new DI scope, and the process stays pinned unless the host is stopping.</summary>
    private async Task EndTurnAsync(ConversationEntry entry, QoderSession session)
    {
        entry.HasTranscript = true;
        if (_pool.Options.Conversations.ScopePerTurn)
        {
            await session.EndTurnScopeAsync().ConfigureAwait(false);
        }

        _pins.SetBusy(entry, busy: false);
        if (_pins.Stopping)
        {
            _ = _pins.UnpinAsync(entry, "host-stopping", evicted: true);
        }
        else
        {
            _pins.EnforceMaxPinned();
        }
    }

    private void TurnFailed(ResilienceContext context, ConversationEntry entry, Exception exception)
    {
        // Whatever was written may be in the transcript: the next process resumes it.
        entry.HasTranscript = true;
        if (exception is not OperationCanceledException)
        {
            ConversationLog.TurnFailed(_logger, exception, _pool.DisplayName, entry.Id);
        }

        var crashed = exception is QoderProcessExitedException or QoderTurnEndedWithoutResultException;
        _ = _pins.UnpinAsync(entry, "turn-failed", evicted: true, drain: !crashed);

        // The same uuid resent on a resumed process is never run twice, so a crash may be retried even after acceptance.
        if (crashed)
        {
            context.Properties.Set(QoderResilience.TurnStartedKey, false);
        }
    }

    private async Task CloseEntryAsync(ConversationEntry entry, CancellationToken cancellationToken)
    {
        using (await entry.Gate.EnterAlwaysAsync(cancellationToken).ConfigureAwait(false))
        {
            var exited = _pins.UnpinAsync(entry, "closed", evicted: false);
            _pins.Forget(entry);
            var agent = _pool.Options.Agent;
            var bound = _pool.Options.Conversations.EvictionGracePeriod + agent.ShutdownGracePeriod + agent.KillGracePeriod;
            try
            {
                // The transcript is complete once the process has exited.
                await exited.WaitAsync(bound, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Still shutting down in the pool's hands; its retirement ends it.
            }
        }
    }

    private QoderConversationNotFoundException NotFound(string conversationId)
    {
        ConversationLog.NotFound(_logger, _pool.DisplayName, conversationId);
        return new QoderConversationNotFoundException(conversationId, _pool.DisplayName);
    }

    private void ThrowIfStopping() =>
        ObjectDisposedException.ThrowIf(_pins.Stopping, typeof(IQoderConversations));

    private sealed class StreamStart(QoderSession session, IAsyncEnumerator<QoderMessage> messages, QoderMessage first, CancellationTokenSource turn) : IAsyncDisposable
    {
        public QoderSession Session => session;

        public IAsyncEnumerator<QoderMessage> Messages => messages;

        public QoderMessage First => first;

        public async ValueTask DisposeAsync()
        {
            await messages.DisposeAsync().ConfigureAwait(false);
            turn.Dispose();
        }
    }
}
