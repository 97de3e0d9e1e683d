using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Initialize;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>A <c>user</c> frame from stdin: refused before initialize in SDK mode, acknowledged once per uuid, then queued for a turn.</summary>
internal sealed class UserMessageIntake(SessionState state, SessionOutput output, SessionExit exit, WorkQueue queue, Initializer initializer)
{
    // Written by the stdin reader; read by rewind_files on the work loop.
    private readonly HashSet<string> _seenUuids = new(StringComparer.Ordinal);

    /// <summary>Tells whether a user message with this uuid arrived (for <c>rewind_files</c>).</summary>
    public bool HasSeen(string uuid)
    {
        lock (_seenUuids)
        {
            return _seenUuids.Contains(uuid);
        }
    }

    public async Task OnUserAsync(JsonObject frame)
    {
        var uuid = Wire.Str(frame["uuid"]);
        if (state.SdkMode && initializer.State != InitializeState.Done)
        {
            await output.LifecycleAsync(uuid, "queued").ConfigureAwait(false);
            await output.WriteAsync(Wire.FatalResult(state.SessionId, "initialize_required: user message received before successful initialize", "initialize_required", 500))
                .ConfigureAwait(false);
            await output.LifecycleAsync(uuid, "cancelled").ConfigureAwait(false);
            exit.Request(1, "initialize_required");
            return;
        }

        // A redelivered message is acknowledged as done without playing it again.
        if (uuid is not null && (state.Transcript.IsPersistedUserUuid(uuid) || !Remember(uuid)))
        {
            await output.LifecycleAsync(uuid, "completed").ConfigureAwait(false);
            return;
        }

        await output.LifecycleAsync(uuid, "queued").ConfigureAwait(false);
        queue.Enqueue(new WorkItem(frame, uuid, null, null));
    }

    private bool Remember(string uuid)
    {
        lock (_seenUuids)
        {
            return _seenUuids.Add(uuid);
        }
    }
}
