using System.ComponentModel.DataAnnotations;

namespace Qoder.Extensions.Hosting;

/// <summary>How <see cref="IQoderConversations"/> keeps conversations on pooled processes (configuration section <c>Qoder:Conversations</c>).</summary>
public sealed class QoderConversationsOptions
{
    /// <summary>Gets or sets how long a conversation keeps its process after a turn before it is evicted (its next turn then resumes on a new process).</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the most conversations that keep a process at once; <see langword="null"/> for <c>Pool:MaxSize</c>
    /// minus <see cref="ReservedSlots"/> (at least 1). Beyond it the least recently used idle conversation is evicted.
    /// </summary>
    [Range(1, 256)]
    public int? MaxPinned { get; set; }

    /// <summary>Gets or sets how many pool slots conversations never pin, so that new conversations and one-off runs are not starved.</summary>
    [Range(0, 255)]
    public int ReservedSlots { get; set; } = 1;

    /// <summary>Gets or sets what a turn does while another turn of the same conversation runs.</summary>
    public QoderConversationConcurrency Concurrency { get; set; } = QoderConversationConcurrency.Wait;

    /// <summary>Gets or sets how long a turn waits for the running one under <see cref="QoderConversationConcurrency.Wait"/>.</summary>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan TurnWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many turns may wait behind the running one under <see cref="QoderConversationConcurrency.Queue"/>.</summary>
    [Range(1, 1000)]
    public int MaxQueuedTurns { get; set; } = 8;

    /// <summary>
    /// Gets or sets how long an evicted or closed conversation's process may take to exit on its own after stdin closes,
    /// before SIGTERM: the real CLI needs about 8.6 s to complete its transcript and exit.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan EvictionGracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets a value indicating whether each turn's host callbacks resolve from a DI scope of their own (otherwise one scope serves every turn on a process).</summary>
    public bool ScopePerTurn { get; set; } = true;

    /// <summary>Gets the most pinned conversations for a pool of <paramref name="maxSize"/> processes.</summary>
    internal int EffectiveMaxPinned(int maxSize) => MaxPinned ?? Math.Max(1, maxSize - ReservedSlots);
}
