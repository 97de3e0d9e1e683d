using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.ModelPolicy;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// The control requests the CLI sends (<c>can_use_tool</c>, <c>hook_callback</c>, <c>mcp_message</c>): each runs on the
/// thread pool once <see cref="WireOrderGate"/> lets it, concurrently with the others and without blocking the read loop,
/// and is answered unless the CLI withdrew it.
/// </summary>
/// <param name="handler">Answers a request: (subtype, request, token) → response body.</param>
/// <param name="write">Writes one stdin line.</param>
/// <param name="order">Holds handlers until the messages before them are taken.</param>
/// <param name="logger">Receives the request log and the handlers' failures.</param>
/// <param name="stopping">Cancelled when the session stops.</param>
internal sealed class InboundRequests(
    Func<string, JsonElement, CancellationToken, Task<JsonNode?>> handler,
    Func<byte[], CancellationToken, ValueTask> write,
    WireOrderGate order,
    ILogger logger,
    CancellationToken stopping)
{
    private readonly ConcurrentDictionary<string, InboundRequest> _requests = new(StringComparer.Ordinal);

    /// <summary>Registers a <c>control_request</c> frame and schedules its handler; returns at once.</summary>
    /// <param name="root">The frame.</param>
    public void Start(JsonElement root)
    {
        if (!root.TryGetProperty("request_id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("request", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var requestId = idElement.GetString()!;
        var subtype = (body.TryGetProperty("subtype", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null)
            ?? (body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            ?? "unknown";
        SdkLog.ControlRequestReceived(logger, subtype, requestId);
        var request = new InboundRequest(requestId, subtype, stopping);
        _requests[requestId] = request;
        var gate = order.WaitForEarlierMessagesAsync();
        var copy = body.Clone();
        _ = Task.Run(() => RunAsync(request, copy, gate));
    }

    /// <summary>Withdraws a request (<c>control_cancel_request</c>); an unknown or finished one is ignored.</summary>
    /// <param name="requestId">The request id.</param>
    public void Cancel(string requestId)
    {
        if (_requests.TryGetValue(requestId, out var request))
        {
            request.Cancel();
        }
    }

    /// <summary>Cancels every running handler: the session has ended.</summary>
    public void CancelAll()
    {
        foreach (var request in _requests.Values)
        {
            request.Cancel();
        }
    }

    private async Task RunAsync(InboundRequest request, JsonElement body, Task gate)
    {
        try
        {
            await gate.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            SdkLog.HandlerStartedOutOfOrder(logger, request.Subtype, request.Id, order.Bound);
        }

        ControlResponseBody? answer;
        try
        {
            answer = await AnswerAsync(request, body).ConfigureAwait(false);
        }
        finally
        {
            _requests.TryRemove(new KeyValuePair<string, InboundRequest>(request.Id, request));
            request.Dispose();
        }

        if (answer is null)
        {
            return;
        }

        try
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new ControlResponseFrame { Response = answer }, QoderJsonContext.Default.ControlResponseFrame);
            await write(line, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QoderException or ObjectDisposedException)
        {
            // The process ended, or the client was disposed, before the answer could be written.
        }
    }

    /// <summary>Runs the handler; <see langword="null"/> when the CLI withdrew the request, as it then expects no answer.</summary>
    private async Task<ControlResponseBody?> AnswerAsync(InboundRequest request, JsonElement body)
    {
        try
        {
            var response = await handler(request.Subtype, body, request.Token).ConfigureAwait(false);
            return request.Token.IsCancellationRequested ? null : new ControlResponseBody { Subtype = "success", RequestId = request.Id, Response = response };
        }
        catch (OperationCanceledException) when (request.Token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            SdkLog.HandlerFailed(logger, ex, request.Subtype, request.Id);
            var error = ex is ControlRequestRejectedException or QoderModelPolicyTimeoutException ? ex.Message : HostCallbackError.Message;
            var code = (ex as ControlRequestRejectedException)?.Code;
            return request.Token.IsCancellationRequested ? null : new ControlResponseBody { Subtype = "error", RequestId = request.Id, Error = error, Code = code };
        }
    }
}
