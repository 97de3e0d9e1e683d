namespace Qoder.Extensions.Hosting;

/// <summary>What a turn does while another turn of the same conversation is running (<c>Qoder:Conversations:Concurrency</c>).</summary>
public enum QoderConversationConcurrency
{
    /// <summary>Waits for the running turn, up to <c>Qoder:Conversations:TurnWaitTimeout</c>, then fails with <see cref="QoderConversationBusyException"/>.</summary>
    Wait,

    /// <summary>Fails at once with <see cref="QoderConversationBusyException"/>.</summary>
    Reject,

    /// <summary>
    /// Joins a queue of at most <c>Qoder:Conversations:MaxQueuedTurns</c> turns, each run in order as a turn of its own and
    /// waiting as long as its caller does; a turn beyond the queue fails with <see cref="QoderConversationBusyException"/>.
    /// The queue is the host's: a queued prompt reaches the CLI only when its turn starts, so a crash loses none.
    /// </summary>
    Queue,
}
