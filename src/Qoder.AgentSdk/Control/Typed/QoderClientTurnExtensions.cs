using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// Typed control requests about the running turn, the queue and tasks, for any <see cref="IQoderClient"/> (a
/// <see cref="QoderClient"/> or a hosted session). Each checks the CLI's capability where the protocol has one and throws
/// <see cref="QoderUnsupportedByCliException"/> when it is missing.
/// </summary>
public static class QoderClientTurnExtensions
{
    /// <summary>
    /// Interrupts the running turn (<c>interrupt</c>) and returns the CLI's receipt: which queued messages will still run
    /// and, with <paramref name="cancelQueued"/>, which were cancelled with it.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="cancelQueued">Also cancel every queued message (needs <c>interrupt_cancel_queued_v1</c>).</param>
    /// <param name="cancellationToken">Cancels the wait for the receipt.</param>
    /// <returns>The receipt, or <see langword="null"/> from a CLI without <c>interrupt_receipt_v1</c>.</returns>
    /// <exception cref="QoderUnsupportedByCliException"><paramref name="cancelQueued"/> is set and the CLI lacks <c>interrupt_cancel_queued_v1</c>.</exception>
    public static async Task<QoderInterruptReceipt?> InterruptWithReceiptAsync(this IQoderClient client, bool cancelQueued = false, CancellationToken cancellationToken = default)
    {
        var request = TypedControl.Request("interrupt");
        if (cancelQueued)
        {
            TypedControl.Require(client, "interrupt", "interrupt_cancel_queued_v1");
            request["cancel_queued"] = true;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Field(body, "still_queued") is { ValueKind: System.Text.Json.JsonValueKind.Array }
            ? TypedControl.Read(body, QoderControlJsonContext.Default.QoderInterruptReceipt)
            : null;
    }

    /// <summary>
    /// Withdraws a message sent with <see cref="IQoderClient.SendAsync(string, CancellationToken)"/> while it still waits in the queue
    /// (<c>cancel_async_message</c>); its <c>command_lifecycle</c> then says <c>cancelled</c>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="messageUuid">The uuid <see cref="IQoderClient.SendAsync(string, CancellationToken)"/> returned.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see langword="true"/> when the CLI removed it; <see langword="false"/> once it has been taken into a turn.</returns>
    public static async Task<bool> CancelQueuedMessageAsync(this IQoderClient client, string messageUuid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageUuid);
        var request = TypedControl.Request("cancel_async_message");
        request["message_uuid"] = messageUuid;
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Bool(body, "cancelled") == true;
    }

    /// <summary>Stops one running task (a subagent or background command) without interrupting the turn (<c>stop_task</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="taskId">The task id (from <see cref="TaskEventMessage"/> or <see cref="BackgroundTasksChangedMessage"/>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the CLI has accepted the stop.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>background_tasks_v1</c>.</exception>
    public static async Task StopTaskAsync(this IQoderClient client, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        TypedControl.Require(client, "stop_task", "background_tasks_v1");
        var request = TypedControl.Request("stop_task");
        request["task_id"] = taskId;
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves foreground Bash or Agent runs into the background (<c>background_tasks</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="toolUseId">The one run to move, or <see langword="null"/> for every eligible one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the CLI moved it (a move of all runs reports <see langword="true"/>).</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>background_tasks_v1</c>.</exception>
    public static async Task<bool> MoveTasksToBackgroundAsync(this IQoderClient client, string? toolUseId = null, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "background_tasks", "background_tasks_v1");
        var request = TypedControl.Request("background_tasks");
        if (toolUseId is not null)
        {
            request["tool_use_id"] = toolUseId;
        }

        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Bool(body, "backgrounded") ?? true;
    }

    /// <summary>
    /// Ends the session (<c>end_session</c>): the CLI answers, runs its end-of-session work and exits by itself (observed
    /// exit code 0). Dispose the client afterwards as usual.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="reason">Why, for the CLI's records.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>A task that completes when the CLI has accepted.</returns>
    public static async Task EndSessionAsync(this IQoderClient client, string? reason = null, CancellationToken cancellationToken = default)
    {
        var request = TypedControl.Request("end_session");
        if (reason is not null)
        {
            request["reason"] = reason;
        }

        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }
}
