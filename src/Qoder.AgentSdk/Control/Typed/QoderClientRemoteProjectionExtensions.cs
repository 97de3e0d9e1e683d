using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// Remote projection: the CLI mirrors the session's events to a remote session. The CLI accepts these requests only
/// under the request id prefix the official SDK reserves for them, which the client uses for these two subtypes.
/// </summary>
public static class QoderClientRemoteProjectionExtensions
{
    /// <summary>Starts projecting the session's events to a remote session (<c>enable_remote_projection</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="remoteSessionId">The remote session.</param>
    /// <param name="options">How to start; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait (the official SDK's per-call timeout).</param>
    /// <returns>A task that completes when the projection is connected.</returns>
    public static async Task EnableRemoteProjectionAsync(
        this IQoderClient client, string remoteSessionId, QoderRemoteProjectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(remoteSessionId))
        {
            throw new ArgumentException("The remote session id must be a non-empty string.", nameof(remoteSessionId));
        }

        if (options?.FromSequenceNumber is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FromSequenceNumber, "FromSequenceNumber must be positive.");
        }

        var request = TypedControl.Request("enable_remote_projection");
        request["remote_session_id"] = remoteSessionId;
        if (options?.SuppressInitialIdleStateEvents == true)
        {
            request["suppress_initial_idle_state_events"] = true;
        }

        if (options?.SkipInitialFlush == true)
        {
            request["skip_initial_flush"] = true;
        }

        if (options?.FromSequenceNumber is { } from)
        {
            request["from_sequence_num"] = from;
        }

        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the remote projection (<c>disable_remote_projection</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Where the projection ended, or <see langword="null"/> when the CLI reports no complete checkpoint (none was running).</returns>
    public static async Task<QoderRemoteProjectionCheckpoint?> DisableRemoteProjectionAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        var body = await TypedControl.SendAsync(client, TypedControl.Request("disable_remote_projection"), cancellationToken).ConfigureAwait(false);
        var checkpoint = TypedControl.Read(body, QoderControlJsonContext.Default.QoderRemoteProjectionCheckpoint);
        return checkpoint is { RemoteSessionId.Length: > 0, LastSequenceNumber: > 0 } ? checkpoint : null;
    }
}
