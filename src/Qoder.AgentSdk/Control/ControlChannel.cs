using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Internal;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// The one reader of the CLI's stdout and the one writer of its stdin: the read loop routes control frames to
/// <see cref="OutboundRequests"/> and <see cref="InboundRequests"/>, hides protocol frames, skips stray non-JSON lines,
/// and passes every other message on; writes are serialized by one lock.
/// </summary>
internal sealed class ControlChannel : IDisposable, IStdoutLineHandler
{
    /// <summary>How long the process may linger after its stdout ended before it is killed.</summary>
    internal static readonly TimeSpan ExitWaitAfterStdoutEnds = TimeSpan.FromSeconds(30);

    private const int SkippedLineExcerptLength = 80;

    private readonly IQoderTransport _transport;
    private readonly ILogger _logger;
    private readonly Channel<QoderMessage> _messages = Channel.CreateUnbounded<QoderMessage>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly List<QoderMessage> _unpublished = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WireOrderGate _order;
    private readonly ConsumerBackpressure _backpressure = new(ConsumerBackpressure.DefaultCapacity);
    private readonly OutboundRequests _outbound;
    private readonly InboundRequests _inbound;
    private Task _readLoop = Task.CompletedTask;
    private volatile bool _shutdownRequested;
    private volatile bool _initialized;
    private volatile Exception? _fault;
    private volatile SystemInitMessage? _latestInit;
    private volatile IReadOnlyList<QoderSlashCommand>? _latestCommands;
    private ResultMessage? _lastResult;
    private long _skippedLines;
    private Action? _authExpired;

    /// <summary>Initializes a new instance of the <see cref="ControlChannel"/> class.</summary>
    /// <param name="transport">The CLI's stdio.</param>
    /// <param name="logger">Receives the channel's log.</param>
    /// <param name="inboundHandler">Answers the CLI's control requests: (subtype, request, token) → response body.</param>
    /// <param name="timeProvider">The clock of the wire-order bound; the system clock by default.</param>
    /// <param name="authExpired">Run at most once when the credentials turn out expired or invalid (exit 41, <c>authentication_failed</c>, <c>auth_status</c> with an error).</param>
    public ControlChannel(
        IQoderTransport transport,
        ILogger logger,
        Func<string, JsonElement, CancellationToken, Task<JsonNode?>> inboundHandler,
        TimeProvider? timeProvider = null,
        Action? authExpired = null)
    {
        _transport = transport;
        _logger = logger;
        _authExpired = authExpired;
        _order = new WireOrderGate(WireOrderGate.DefaultBound, timeProvider ?? TimeProvider.System);
        _outbound = new OutboundRequests(WriteAsync, logger, frame => _inbound!.Start(frame));
        _inbound = new InboundRequests(inboundHandler, WriteAsync, _order, logger, _stopping.Token);
    }

    /// <summary>Gets the error that ended the channel, if it did not end normally.</summary>
    public Exception? Fault => _fault;

    /// <summary>Gets the latest <c>system/init</c>.</summary>
    public SystemInitMessage? LatestInit => _latestInit;

    /// <summary>Gets the commands of the latest <c>commands_changed</c>, or <see langword="null"/> when none came.</summary>
    public IReadOnlyList<QoderSlashCommand>? LatestCommands => _latestCommands;

    /// <summary>Gets a task that completes when stdout has ended and the process has exited; it never faults.</summary>
    public Task Completion => _readLoop;

    /// <summary>Gets a value indicating whether stdout has ended.</summary>
    public bool IsCompleted => _readLoop.IsCompleted;

    /// <summary>Gets how many stdout lines were skipped because they were not JSON.</summary>
    public long SkippedLineCount => Interlocked.Read(ref _skippedLines);

    /// <summary>Gets or sets the receiver of <c>transcript_mirror</c> frames, called on the read loop in order; without one they are dropped.</summary>
    public Action<JsonElement>? TranscriptMirror { get; set; }

    /// <summary>Gets or sets an observer of every message read, called on the read loop in order (the memory and skill evolution result callbacks).</summary>
    public Action<QoderMessage>? ResultObserver { get; set; }

    /// <summary>Gets or sets how the CLI was given its credentials, so that an authentication error names the right ones.</summary>
    public QoderAuthKind AuthKind { get; set; }

    /// <summary>Gets how many messages wait for the consumer.</summary>
    public int BufferedCount => _messages.Reader.Count;

    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>Waits until a message can be taken; <see langword="false"/> once the channel has ended (see <see cref="Fault"/>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether a message may be available.</returns>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => _messages.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the next message for the consumer; counts it, so that callbacks waiting for it may start.</summary>
    /// <param name="message">The message.</param>
    /// <returns>Whether there was one.</returns>
    public bool TryTake(out QoderMessage message)
    {
        if (!_messages.Reader.TryRead(out message!))
        {
            return false;
        }

        _order.MessagesTaken(1);
        _backpressure.Taken(1);
        return true;
    }

    /// <summary>Drops every message that waits for the consumer.</summary>
    /// <returns>How many were dropped.</returns>
    public int DiscardBuffered()
    {
        var dropped = 0;
        while (TryTake(out _))
        {
            dropped++;
        }

        return dropped;
    }

    /// <summary>Releases the locks; call after <see cref="Completion"/> has completed.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>Marks the end as intended, so the exit code is not reported as a failure.</summary>
    public void MarkShutdown()
    {
        _shutdownRequested = true;

        // The consumer is done: callbacks of the end of the session (SessionEnd hooks) must not wait for it.
        _order.Open();
        _backpressure.Open();
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Marks <c>initialize</c> as done: from now on an authentication message is a normal message.</summary>
    public void MarkInitialized() => _initialized = true;

    /// <summary>Sends a control request and waits for its response body.</summary>
    /// <exception cref="QoderControlTimeoutException">No answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="QoderControlRequestException">The CLI answered with an error.</exception>
    public async Task<JsonElement?> RequestAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The answer may be behind messages the consumer has not taken: read on past the bound until it is in.
        using (_backpressure.Suspend())
        {
            return await _outbound.SendAsync(request, timeout, ClosedErrorIfEnded, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask WriteFrameAsync(UserInputFrame frame, CancellationToken cancellationToken) =>
        WriteAsync(JsonSerializer.SerializeToUtf8Bytes(frame, QoderJsonContext.Default.UserInputFrame), cancellationToken);

    private async ValueTask WriteAsync(byte[] line, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _transport.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Exception? ClosedErrorIfEnded() =>
        _fault ?? (_readLoop.IsCompleted && _readLoop != Task.CompletedTask ? ClosedError() : null);

    private async Task ReadLoopAsync()
    {
        try
        {
            await _transport.ReadLinesAsync(this, CancellationToken.None).ConfigureAwait(false);
            if (_fault is not null)
            {
                _transport.Kill();
            }
        }
        catch (QoderException ex)
        {
            _fault ??= ex;
            _transport.Kill();
        }
        catch (Exception ex)
        {
            // Whatever broke the reader, the session is unusable: report it to every waiter rather than hang them.
            _fault ??= new QoderProcessExitedException($"Reading the CLI's output failed: {ex.Message}", null, _transport.StderrTail, ex);
            _transport.Kill();
        }

        Publish();
        int exitCode;
        try
        {
            exitCode = await _transport.Exited.WaitAsync(ExitWaitAfterStdoutEnds).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // stdout closed but the process lingers: it is of no use any more.
            _transport.Kill();
            exitCode = await _transport.Exited.ConfigureAwait(false);
        }

        if (exitCode == ExitClassifier.AuthenticationFailedExitCode)
        {
            AuthExpired();
        }

        _fault ??= ExitClassifier.Classify(exitCode, _shutdownRequested, _lastResult, _transport.StderrTail, AuthKind);
        if (_fault is { } fault)
        {
            SdkLog.ReadFailed(_logger, fault);
        }

        _outbound.FailAll(_fault ?? ClosedError());
        _inbound.CancelAll();
        _order.Open();
        _backpressure.Open();
        _messages.Writer.TryComplete(_fault);
    }

    private QoderProcessExitedException ClosedError() => new(
        "The Qoder CLI process has ended; the session cannot continue.",
        _transport.Exited.ValueOrNull(),
        _transport.StderrTail);

    // Optimised from its first call, as PipeLineReader.HandleLines (and Publish and HandleLine below).
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool IStdoutLineHandler.OnLine(in ReadOnlySequence<byte> line)
    {
        HandleLine(line);
        return _fault is null;
    }

    /// <inheritdoc/>
    ValueTask IStdoutLineHandler.WaitForRoomAsync()
    {
        Publish();
        return _backpressure.WaitForRoomAsync();
    }

    /// <summary>
    /// Hands the messages parsed from one read of stdout to the consumer together, so a waiting consumer is woken once
    /// per read instead of once per message (measured: later queries about a fifth faster at low load). Read loop only:
    /// after each read, before a control frame (callbacks and answers then see every earlier message published), and
    /// when reading ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Publish()
    {
        if (_unpublished.Count == 0)
        {
            return;
        }

        _order.MessagesRead(_unpublished.Count);
        _backpressure.Added(_unpublished.Count);
        foreach (var message in _unpublished)
        {
            _messages.Writer.TryWrite(message);
        }

        _unpublished.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HandleLine(in ReadOnlySequence<byte> line)
    {
        MessageHead head;
        try
        {
            head = MessageHead.Read(line);
        }
        catch (JsonException)
        {
            SkipLine(line);
            return;
        }

        switch (head.Type)
        {
            case "control_response" or "control_request" or "control_cancel_request" or "control_cancel":
            case "transcript_mirror" when TranscriptMirror is not null:
                Publish();
                HandleControlFrame(line, head.Type);
                return;
            case null:
                return;
        }

        if (QoderMessageSerializer.IsHidden(head.Type))
        {
            return;
        }

        QoderMessage message;
        try
        {
            message = QoderMessageSerializer.ParseLine(line, head);
        }
        catch (JsonException ex)
        {
            if (!IsJson(line))
            {
                SkipLine(line);
                return;
            }

            _fault = new QoderProtocolException($"The CLI wrote a \"{head.Type}\" message this client cannot read: {ex.Message}", Excerpt(line, 4096), ex);
            return;
        }

        if (message is UnknownMessage { Type: "auth_status", Raw: var status } && ReportsError(status))
        {
            AuthExpired();
        }

        Observe(message);
        ResultObserver?.Invoke(message);
        _unpublished.Add(message);
    }

    private void HandleControlFrame(in ReadOnlySequence<byte> line, string type)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            SkipLine(line);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            switch (type)
            {
                case "control_response":
                    _outbound.Complete(root);
                    return;
                case "control_request":
                    _inbound.Start(root);
                    return;
                case "transcript_mirror":
                    TranscriptMirror?.Invoke(root);
                    return;
                default:
                    if (root.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        _inbound.Cancel(id.GetString()!);
                    }

                    return;
            }
        }
    }

    private static bool ReportsError(JsonElement status) =>
        status.TryGetProperty("error", out var error)
        && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.False)
        && !(error.ValueKind == JsonValueKind.String && error.GetString()!.Length == 0);

    private void SkipLine(in ReadOnlySequence<byte> line)
    {
        // A stray line (a warning a dependency printed to stdout) is not worth the session, as in the official SDKs.
        Interlocked.Increment(ref _skippedLines);
        SdkLog.SkippedLine(_logger, (int)line.Length, Excerpt(line, SkippedLineExcerptLength));
    }

    private static bool IsJson(in ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Excerpt(in ReadOnlySequence<byte> line, int length) =>
        Encoding.UTF8.GetString(line.Slice(0, Math.Min(line.Length, length)));

    private void Observe(QoderMessage message)
    {
        switch (message)
        {
            case SystemInitMessage init:
                if (_latestInit is null && ProtocolVersionCheck.Check(init, _logger) is { } mismatch)
                {
                    _fault = mismatch;
                }

                _latestInit = init;
                break;
            case CommandsChangedMessage changed:
                _latestCommands = changed.Commands;
                break;
            case ResultMessage result when result.EndsTurn():
                _lastResult = result;
                break;
            case AssistantMessage { Error: "authentication_failed" } when _initialized:
                AuthExpired();
                break;
            case AssistantMessage { Error: "authentication_failed" }:
                AuthExpired();
                _fault = new QoderAuthenticationException(
                    $"qodercli is not logged in and has no usable credentials (authentication_failed). {ExitClassifier.CredentialAdvice(AuthKind)}",
                    "authentication_failed");
                break;
        }
    }

    private void AuthExpired()
    {
        if (Interlocked.Exchange(ref _authExpired, null) is not { } callback)
        {
            return;
        }

        try
        {
            callback();
        }
        catch (Exception ex)
        {
            // The host's callback must not break the read loop.
            SdkLog.AuthExpiredCallbackFailed(_logger, ex);
        }
    }
}
