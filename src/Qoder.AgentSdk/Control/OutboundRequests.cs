using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>
/// The control requests this client sends: the pending table, the wait with its timeout, and the
/// <c>control_cancel_request</c> that withdraws a request the caller stopped waiting for.
/// </summary>
/// <param name="write">Writes one stdin line.</param>
/// <param name="logger">Receives the request log.</param>
/// <param name="redispatch">Handles a <c>can_use_tool</c> request an error answer carried in <c>pending_permission_requests</c>, as if newly received.</param>
internal sealed class OutboundRequests(Func<byte[], CancellationToken, ValueTask> write, ILogger logger, Action<JsonElement>? redispatch = null)
{
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);

    /// <summary>Sends a control request and waits for its response body.</summary>
    /// <param name="request">The request; its <c>subtype</c> names it in errors.</param>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <param name="closedError">Gives the error to throw when the channel can no longer answer, else <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the request is then withdrawn.</param>
    /// <returns>The response body.</returns>
    /// <exception cref="QoderControlTimeoutException">No answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="QoderControlRequestException">The CLI answered with an error.</exception>
    public async Task<JsonElement?> SendAsync(JsonObject request, TimeSpan timeout, Func<Exception?> closedError, CancellationToken cancellationToken)
    {
        var subtype = request["subtype"]?.GetValue<string>() ?? "unknown";
        var requestId = RequestIdPrefix(subtype) + Guid.NewGuid().ToString("N")[..16];
        var pending = new PendingRequest(subtype);

        // Registered before the closed check: a channel that closes after it fails this request through FailAll.
        _pending[requestId] = pending;
        try
        {
            if (closedError() is { } closed)
            {
                throw closed;
            }

            var frame = new ControlRequestFrame { RequestId = requestId, Request = request };
            await write(JsonSerializer.SerializeToUtf8Bytes(frame, QoderJsonContext.Default.ControlRequestFrame), cancellationToken).ConfigureAwait(false);
            SdkLog.ControlRequestSent(logger, subtype, requestId);
            try
            {
                return await pending.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await TryWithdrawAsync(requestId).ConfigureAwait(false);
                throw new QoderControlTimeoutException(subtype, timeout);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await TryWithdrawAsync(requestId).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    /// <summary>The CLI accepts remote projection requests only under the id prefix the official SDK reserves for them.</summary>
    private static string RequestIdPrefix(string subtype) =>
        subtype is "enable_remote_projection" or "disable_remote_projection" ? "daemon_worker_sdk_" : "req_";

    /// <summary>Completes the pending request a <c>control_response</c> answers; an answer nobody waits for is dropped.</summary>
    /// <param name="root">The <c>control_response</c> frame.</param>
    public void Complete(JsonElement root)
    {
        if (!root.TryGetProperty("response", out var body) || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("request_id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || !_pending.TryGetValue(idElement.GetString()!, out var pending))
        {
            return;
        }

        if (body.TryGetProperty("subtype", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "success")
        {
            pending.TrySetResult(body.TryGetProperty("response", out var response) ? response.Clone() : null);
            return;
        }

        var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown error";
        var code = body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var retryable = body.TryGetProperty("retryable", out var r) && r.ValueKind == JsonValueKind.True;
        pending.TrySetException(new QoderControlRequestException(pending.Subtype, error, code, retryable));

        // The CLI may hand back the permission prompts the failed request left open; they are answered as new ones.
        if (redispatch is not null && body.TryGetProperty("pending_permission_requests", out var prompts) && prompts.ValueKind == JsonValueKind.Array)
        {
            foreach (var prompt in prompts.EnumerateArray())
            {
                if (prompt.ValueKind == JsonValueKind.Object && prompt.TryGetProperty("request", out var inner) && inner.ValueKind == JsonValueKind.Object
                    && ((inner.TryGetProperty("subtype", out var st) && st.ValueKind == JsonValueKind.String && st.GetString() == "can_use_tool")
                        || (inner.TryGetProperty("type", out var ty) && ty.ValueKind == JsonValueKind.String && ty.GetString() == "can_use_tool")))
                {
                    redispatch(prompt);
                }
            }
        }
    }

    /// <summary>Fails every pending request: the channel has closed.</summary>
    /// <param name="error">The error the waiters get.</param>
    public void FailAll(Exception error)
    {
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(error);
        }
    }

    private async Task TryWithdrawAsync(string requestId)
    {
        try
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new ControlCancelFrame { RequestId = requestId }, QoderJsonContext.Default.ControlCancelFrame);
            await write(line, CancellationToken.None).ConfigureAwait(false);
        }
        catch (QoderException)
        {
            // The process is gone; there is nobody to tell.
        }
    }
}
