using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>Control requests the stand-in sends to the host (permission prompts, hooks, MCP, job tokens) and their answers.</summary>
internal sealed class OutboundControlRequests(SessionState state, SessionOutput output)
{
    private const string ChannelClosed = "Permission channel closed";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<ControlAnswer>> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends <paramref name="request"/> and waits for its answer; a timeout is answered as the error <c>timeout</c>.
    /// With <paramref name="cancelOnWire"/> a cancelled wait tells the host with <c>control_cancel_request</c>.
    /// </summary>
    public async Task<ControlAnswer> RequestAsync(JsonObject request, CancellationToken ct, bool cancelOnWire = false, TimeSpan? timeout = null)
    {
        var id = Wire.NewId();
        var tcs = new TaskCompletionSource<ControlAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        if (state.StdinClosed)
        {
            _pending.TryRemove(id, out _);
            return ControlAnswer.Failure(ChannelClosed);
        }

        await output.WriteAsync(new JsonObject { ["type"] = "control_request", ["request_id"] = id, ["request"] = request }).ConfigureAwait(false);
        try
        {
            return await tcs.Task.WaitAsync(timeout ?? Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _pending.TryRemove(id, out _);
            return ControlAnswer.Failure("timeout");
        }
        catch (OperationCanceledException)
        {
            _pending.TryRemove(id, out _);
            if (cancelOnWire && !state.Lifetime.IsCancellationRequested)
            {
                await output.WriteAsync(new JsonObject { ["type"] = "control_cancel_request", ["request_id"] = id }).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Settles the request a <c>control_response</c> frame answers; answers to unknown ids are ignored.</summary>
    public void OnResponse(JsonObject frame)
    {
        if (frame["response"] is not JsonObject response || Wire.Str(response["request_id"]) is not { } id
            || !_pending.TryRemove(id, out var pending))
        {
            return;
        }

        pending.TrySetResult(Wire.Str(response["subtype"]) == "success"
            ? ControlAnswer.Success(response["response"] as JsonObject)
            : ControlAnswer.Failure(Wire.Str(response["error"]) ?? "Unknown error"));
    }

    /// <summary>Stdin closed: no answer can come any more.</summary>
    public void FailAllPending()
    {
        foreach (var pending in _pending)
        {
            pending.Value.TrySetResult(ControlAnswer.Failure(ChannelClosed));
        }
    }
}
