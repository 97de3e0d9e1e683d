using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// Remote projection without a remote: the real CLI's request id rule (only ids under <c>daemon_worker_</c>) and a
/// checkpoint counting the requests seen while enabled.
/// </summary>
internal sealed class RemoteProjectionHandler(SessionOutput output)
{
    private const string ReservedPrefix = "daemon_worker_";
    private string? _remoteSessionId;
    private long _sequence;

    public Task EnableAsync(string requestId, JsonObject request)
    {
        if (!requestId.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            return output.RespondErrorAsync(requestId, "remote projection requests are reserved for the worker SDK", "REMOTE_PROJECTION_RESERVED");
        }

        if (Wire.Str(request["remote_session_id"]) is not { Length: > 0 } remote)
        {
            return output.RespondErrorAsync(requestId, "missing remote_session_id", "REMOTE_PROJECTION_INVALID_REQUEST");
        }

        _remoteSessionId = remote;
        _sequence = request["from_sequence_num"] is JsonValue from && from.TryGetValue<long>(out var start) ? start : 1;
        return output.RespondSuccessAsync(requestId, null);
    }

    public Task DisableAsync(string requestId, JsonObject request)
    {
        if (!requestId.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            return output.RespondErrorAsync(requestId, "remote projection requests are reserved for the worker SDK", "REMOTE_PROJECTION_RESERVED");
        }

        var checkpoint = _remoteSessionId is null
            ? null
            : new JsonObject { ["remote_session_id"] = _remoteSessionId, ["last_sequence_num"] = _sequence + 1 };
        _remoteSessionId = null;
        return output.RespondSuccessAsync(requestId, checkpoint);
    }
}
