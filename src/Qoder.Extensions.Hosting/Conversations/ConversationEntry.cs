using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>What this host knows of one conversation. Its fields change only under the conversations' lock.</summary>
internal sealed class ConversationEntry
{
    public ConversationEntry(string id, bool hasTranscript)
    {
        Id = id;
        HasTranscript = hasTranscript;
    }

    public string Id { get; }

    /// <summary>Gets or sets the session holding the conversation's process while it is pinned.</summary>
    public QoderSession? Pin { get; set; }

    /// <summary>Gets or sets a value indicating whether a turn (or a close) holds the gate: the pin may not be evicted.</summary>
    public bool Busy { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a prompt may have been written to the transcript. A conversation started here
    /// and evicted before its first prompt has no transcript: it restarts under its id instead of resuming.
    /// </summary>
    public bool HasTranscript { get; set; }

    public TurnGate Gate { get; } = new();
}
