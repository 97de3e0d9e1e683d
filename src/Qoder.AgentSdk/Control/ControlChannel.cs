using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// The one reader of the CLI's stdout and the one writer of its stdin. Correlates control requests and responses both
/// ways (with timeouts and <c>control_cancel_request</c>), runs inbound requests concurrently without blocking the read
/// loop, hides protocol frames, and passes every other message on.
/// </summary>
internal sealed class ControlChannel : IDisposable
{
    private static readonly HashSet<string> HiddenTypes = new(StringComparer.Ordinal)
    {
        "keep_alive", "keepalive", "transcript_mirror", "streamlined_text", "streamlined_tool_use_summary", "post_turn_summary",
    };

    private readonly IQoderTransport _transport;
    private readonly ILogger _logger;
    private readonly Func<string, JsonElement, CancellationToken, Task<JsonNode?>> _inboundHandler;
    private readonly Channel<QoderMessage> _messages = Channel.CreateUnbounded<QoderMessage>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _inbound = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _readLoop = Task.CompletedTask;
    private volatile bool _shutdownRequested;
    private volatile bool _initialized;
    private ResultMessage? _lastResult;

    public ControlChannel(IQoderTransport transport, ILogger logger, Func<string, JsonElement, CancellationToken, Task<JsonNode?>> inboundHandler)
    {
        _transport = transport;
        _logger = logger;
        _inboundHandler = inboundHandler;
    }

    /// <summary>Gets the messages for the consumer, completed (with the fault, if any) when the process ends.</summary>
    public ChannelReader<QoderMessage> Messages => _messages.Reader;

    /// <summary>Gets the error that ended the channel, if it did not end normally.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Gets the latest <c>system/init</c>.</summary>
    public SystemInitMessage? LatestInit { get; private set; }

    /// <summary>Gets a task that completes when stdout has ended and the process has exited.</summary>
    public Task Completion => _readLoop;

    /// <summary>Gets a value indicating whether stdout has ended.</summary>
    public bool IsCompleted => _readLoop.IsCompleted;

    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

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
        var subtype = request["subtype"]?.GetValue<string>() ?? "unknown";
        var requestId = NewRequestId();
        var pending = new PendingRequest(subtype);
        _pending[requestId] = pending;
        try
        {
            if (Fault is { } fault)
            {
                throw fault;
            }

            if (_readLoop.IsCompleted && _readLoop != Task.CompletedTask)
            {
                throw ClosedError();
            }

            await WriteFrameAsync(new ControlRequestFrame { RequestId = requestId, Request = request }, cancellationToken).ConfigureAwait(false);
            SdkLog.ControlRequestSent(_logger, subtype, requestId);
            try
            {
                return await pending.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await TryCancelAsync(requestId).ConfigureAwait(false);
                throw new QoderControlTimeoutException(subtype, timeout);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await TryCancelAsync(requestId).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    public ValueTask WriteFrameAsync(ControlRequestFrame frame, CancellationToken cancellationToken) =>
        WriteAsync(JsonSerializer.SerializeToUtf8Bytes(frame, QoderJsonContext.Default.ControlRequestFrame), cancellationToken);

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

    private async Task TryCancelAsync(string requestId)
    {
        try
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new ControlCancelFrame { RequestId = requestId }, QoderJsonContext.Default.ControlCancelFrame);
            await WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
        }
        catch (QoderException)
        {
            // The process is gone; there is nobody to tell.
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            await foreach (var line in _transport.ReadLinesAsync(CancellationToken.None).ConfigureAwait(false))
            {
                HandleLine(line);
                if (Fault is not null)
                {
                    _transport.Kill();
                    break;
                }
            }
        }
        catch (QoderException ex)
        {
            Fault ??= ex;
            _transport.Kill();
        }
        catch (Exception ex)
        {
            // Whatever broke the reader, the session is unusable: report it to every waiter rather than hang them.
            Fault ??= new QoderProcessExitedException($"Reading the CLI's output failed: {ex.Message}", null, _transport.StderrTail, ex);
            _transport.Kill();
        }

        int exitCode;
        try
        {
            exitCode = await _transport.Exited.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // stdout closed but the process lingers: it is of no use any more.
            _transport.Kill();
            exitCode = await _transport.Exited.ConfigureAwait(false);
        }

        Fault ??= ClassifyExit(exitCode);
        if (Fault is not null)
        {
            SdkLog.ReadFailed(_logger, Fault);
        }

        var closed = Fault ?? ClosedError();
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(closed);
        }

        foreach (var inbound in _inbound.Values)
        {
            inbound.Cancel();
        }

        _messages.Writer.TryComplete(Fault);
    }

    private Exception? ClassifyExit(int exitCode)
    {
        if (_shutdownRequested)
        {
            return null;
        }

        if (exitCode == 41)
        {
            var reason = _lastResult?.TerminalReason;
            var detail = _lastResult?.Errors is { Count: > 0 } errors ? errors[0] : "no detail";
            return new QoderAuthenticationException(
                $"qodercli could not authenticate ({reason ?? "exit code 41"}: {detail}). Check the Personal Access Token (QODER_PERSONAL_ACCESS_TOKEN, or Qoder:PersonalAccessToken when hosted) or the chosen QoderAuth.",
                reason,
                exitCode);
        }

        if (exitCode == 0 || (exitCode == 1 && _lastResult is { IsError: true }))
        {
            return null;
        }

        return new QoderProcessExitedException(
            $"qodercli exited with code {exitCode}.{(string.IsNullOrWhiteSpace(_transport.StderrTail) ? string.Empty : " Its stderr ends with: " + LastLine(_transport.StderrTail))}",
            exitCode,
            _transport.StderrTail);
    }

    private QoderProcessExitedException ClosedError() => new(
        "The Qoder CLI process has ended; the session cannot continue.",
        _transport.Exited.IsCompletedSuccessfully ? _transport.Exited.Result : null,
        _transport.StderrTail);

    private void HandleLine(byte[] line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            Fault = new QoderProtocolException($"The CLI wrote a line that is not JSON: {ex.Message}", Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 4096)), ex);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "control_response":
                    HandleResponse(root);
                    return;
                case "control_request":
                    HandleInboundRequest(root);
                    return;
                case "control_cancel_request" or "control_cancel":
                    if (root.TryGetProperty("request_id", out var id) && id.GetString() is { } cancelId && _inbound.TryGetValue(cancelId, out var cts))
                    {
                        cts.Cancel();
                    }

                    return;
                case null:
                    return;
            }

            if (HiddenTypes.Contains(type))
            {
                return;
            }

            QoderMessage message;
            try
            {
                message = QoderMessageSerializer.Parse(root);
            }
            catch (JsonException ex)
            {
                Fault = new QoderProtocolException($"The CLI wrote a \"{type}\" message this client cannot read: {ex.Message}", Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 4096)), ex);
                return;
            }

            Observe(message);
            _messages.Writer.TryWrite(message);
        }
    }

    private void Observe(QoderMessage message)
    {
        switch (message)
        {
            case SystemInitMessage init:
                if (LatestInit is null)
                {
                    CheckProtocol(init);
                }

                LatestInit = init;
                break;
            case ResultMessage result:
                _lastResult = result;
                break;
            case AssistantMessage { Error: "authentication_failed" } when !_initialized:
                Fault = new QoderAuthenticationException(
                    "qodercli is not logged in and has no usable credentials (authentication_failed). Provide a Personal Access Token (QODER_PERSONAL_ACCESS_TOKEN) or log the CLI in.",
                    "authentication_failed");
                break;
        }
    }

    private void CheckProtocol(SystemInitMessage init)
    {
        if (init.ProtocolVersion is not { } version)
        {
            return;
        }

        var parts = version.Split('.', '-', '+');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return;
        }

        if (major != QoderProtocolVersionMismatchException.SupportedMajorVersion)
        {
            Fault = new QoderProtocolVersionMismatchException(version, init.QodercliVersion);
        }
        else if (minor < 4)
        {
            SdkLog.OlderProtocol(_logger, version, QoderCliDefaults.ProtocolVersion);
        }
    }

    private void HandleResponse(JsonElement root)
    {
        if (!root.TryGetProperty("response", out var body) || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("request_id", out var idElement) || idElement.GetString() is not { } requestId
            || !_pending.TryGetValue(requestId, out var pending))
        {
            return;
        }

        var subtype = body.TryGetProperty("subtype", out var s) ? s.GetString() : null;
        if (subtype == "success")
        {
            pending.TrySetResult(body.TryGetProperty("response", out var response) ? response.Clone() : null);
            return;
        }

        var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown error";
        var code = body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var retryable = body.TryGetProperty("retryable", out var r) && r.ValueKind == JsonValueKind.True;
        pending.TrySetException(new QoderControlRequestException(pending.Subtype, error, code, retryable));
    }

    private void HandleInboundRequest(JsonElement root)
    {
        if (!root.TryGetProperty("request_id", out var idElement) || idElement.GetString() is not { } requestId
            || !root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var subtype = (request.TryGetProperty("subtype", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null)
            ?? (request.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            ?? "unknown";
        SdkLog.ControlRequestReceived(_logger, subtype, requestId);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _inbound[requestId] = cts;
        var requestCopy = request.Clone();
        _ = Task.Run(() => AnswerInboundAsync(requestId, subtype, requestCopy, cts));
    }

    private async Task AnswerInboundAsync(string requestId, string subtype, JsonElement request, CancellationTokenSource cts)
    {
        ControlResponseBody body;
        try
        {
            var response = await _inboundHandler(subtype, request, cts.Token).ConfigureAwait(false);
            body = new ControlResponseBody { Subtype = "success", RequestId = requestId, Response = response };
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The CLI withdrew the request (or we are stopping): it expects no answer.
            Cleanup();
            return;
        }
        catch (Exception ex)
        {
            SdkLog.HandlerFailed(_logger, ex, subtype, requestId);
            body = new ControlResponseBody { Subtype = "error", RequestId = requestId, Error = ex.Message };
        }

        if (cts.IsCancellationRequested)
        {
            Cleanup();
            return;
        }

        Cleanup();
        try
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new ControlResponseFrame { Response = body }, QoderJsonContext.Default.ControlResponseFrame);
            await WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QoderException or ObjectDisposedException)
        {
            // The process ended, or the client was disposed, before the answer could be written.
        }

        void Cleanup()
        {
            _inbound.TryRemove(requestId, out _);
            cts.Dispose();
        }
    }

    private static string NewRequestId() => "req_" + Guid.NewGuid().ToString("N")[..16];

    private static string LastLine(string text)
    {
        var trimmed = text.TrimEnd();
        var index = trimmed.LastIndexOf('\n');
        var last = index < 0 ? trimmed : trimmed[(index + 1)..];
        return last.Length > 300 ? last[..300] : last;
    }

    private sealed class PendingRequest(string subtype) : TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string Subtype { get; } = subtype;
    }
}
