namespace Qoder.AgentSdk.Input;

/// <summary>
/// One user message with everything the CLI accepts on stdin: text and image blocks, the caller's uuid, delivery
/// priority, whether an idle session starts a turn, custom context and file attachments. A plain string converts to a
/// message with one text block, the short form every <c>SendAsync</c> also takes.
/// </summary>
public sealed class QoderUserInput
{
    /// <summary>Initializes a new instance of the <see cref="QoderUserInput"/> class with no content yet.</summary>
    public QoderUserInput()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="QoderUserInput"/> class with the given blocks.</summary>
    /// <param name="content">The content blocks, in order.</param>
    public QoderUserInput(params IEnumerable<QoderInputBlock> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var block in content)
        {
            Content.Add(block);
        }
    }

    /// <summary>Gets the content blocks, in order: <see cref="QoderTextInput"/> and <see cref="QoderImageInput"/>.</summary>
    public IList<QoderInputBlock> Content { get; } = [];

    /// <summary>
    /// Gets or sets the message uuid; a random one is used when unset. It is the id of the message's
    /// <c>command_lifecycle</c> frames, the id that cancels a queued message or rewinds to it, and the CLI's dedupe key:
    /// a message sent again with the same uuid is acknowledged without being run twice.
    /// </summary>
    public string? Uuid { get; set; }

    /// <summary>Gets or sets when the message is delivered; the CLI's default is <see cref="QoderInputPriority.Next"/>.</summary>
    public QoderInputPriority? Priority { get; set; }

    /// <summary>
    /// Gets or sets whether an idle session starts a turn for the message; <see langword="false"/> records it without
    /// querying the model (delivery still follows <see cref="Priority"/>). Unset means the CLI's default, <see langword="true"/>.
    /// </summary>
    public bool? ShouldQuery { get; set; }

    /// <summary>Gets the custom context sent with the message (<c>custom_context</c>; the CLI needs capability <c>custom_context_v1</c>).</summary>
    public IDictionary<string, string> CustomContext { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the files attached to the message (<c>file_attachments</c>).</summary>
    public IList<QoderFileAttachment> Attachments { get; } = [];

    /// <summary>Gets or sets a value indicating whether a leading <c>/</c> is literal text rather than a slash command (<c>client_composed</c>).</summary>
    public bool ClientComposed { get; set; }

    /// <summary>Converts a prompt text to a message with one text block.</summary>
    /// <param name="text">The prompt text.</param>
    public static implicit operator QoderUserInput(string text) => FromText(text);

    /// <summary>Creates a message with one text block.</summary>
    /// <param name="text">The prompt text.</param>
    /// <returns>The message.</returns>
    public static QoderUserInput FromText(string text) => new(new QoderTextInput(text));
}
