using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Initialize;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary><c>interrupt</c>: answers with the queued messages (cancelled with <c>cancel_queued</c>), then stops initialize and the turn.</summary>
internal sealed class InterruptHandler(SessionState state, SessionOutput output, WorkQueue queue, Initializer initializer)
{
    public async Task HandleAsync(string requestId, JsonObject request)
    {
        var cancelQueued = Wire.Bool(request["cancel_queued"]) == true;
        var queued = queue.QueuedMessageUuids(remove: cancelQueued);
        var body = new JsonObject { ["still_queued"] = cancelQueued ? new JsonArray() : Wire.Strings(queued) };
        if (cancelQueued)
        {
            body["cancelled"] = Wire.Strings(queued);
        }

        await output.RespondSuccessAsync(requestId, body).ConfigureAwait(false);
        if (cancelQueued)
        {
            foreach (var uuid in queued)
            {
                await output.LifecycleAsync(uuid, "cancelled").ConfigureAwait(false);
            }
        }

        initializer.CancelIfRunning();
        state.TurnCancellation?.Cancel();
    }
}
