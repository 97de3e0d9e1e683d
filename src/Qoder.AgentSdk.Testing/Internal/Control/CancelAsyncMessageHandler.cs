using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary><c>cancel_async_message</c>: withdraws one queued user message by uuid; a message already playing is not touched.</summary>
internal sealed class CancelAsyncMessageHandler(SessionOutput output, WorkQueue queue)
{
    public async Task HandleAsync(string requestId, JsonObject request)
    {
        var target = Wire.Str(request["message_uuid"]);
        if (target is null)
        {
            await output.RespondErrorAsync(requestId, "missing message_uuid").ConfigureAwait(false);
            return;
        }

        var removed = queue.TryRemove(target);
        await output.RespondSuccessAsync(requestId, new JsonObject { ["cancelled"] = removed }).ConfigureAwait(false);
        if (removed)
        {
            await output.LifecycleAsync(target, "cancelled").ConfigureAwait(false);
        }
    }
}
