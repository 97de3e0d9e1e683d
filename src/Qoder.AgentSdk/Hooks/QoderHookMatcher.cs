namespace Qoder.AgentSdk;

/// <summary>One registration of hook callbacks for an event, as sent in <c>initialize.hooks</c>.</summary>
public sealed class QoderHookMatcher
{
    /// <summary>Initializes a new instance of the <see cref="QoderHookMatcher"/> class.</summary>
    /// <param name="hookEvent">The event.</param>
    /// <param name="matcher">
    /// For tool events a JavaScript regular expression tested unanchored against the tool name (<c>Write|Bash</c>,
    /// <c>mcp__demo__.*</c>); for events with a trigger (such as SessionStart's source) a value or a <c>a|b</c> list.
    /// <see langword="null"/>, empty or <c>*</c> matches everything. The CLI does the matching.
    /// </param>
    /// <param name="timeoutSeconds">
    /// How long the CLI waits for each callback, in seconds (<see cref="DefaultTimeoutSeconds"/> when <see langword="null"/>).
    /// When it elapses the CLI counts the hook as failed and goes on; the client cancels the callback's token.
    /// </param>
    /// <param name="callbacks">The callbacks, called in order.</param>
    public QoderHookMatcher(QoderHookEvent hookEvent, string? matcher, int? timeoutSeconds, IEnumerable<QoderHookCallback> callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        _ = hookEvent.ToWireName();
        if (timeoutSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutSeconds), timeoutSeconds, "The timeout must be a positive number of seconds.");
        }

        Event = hookEvent;
        Matcher = matcher;
        TimeoutSeconds = timeoutSeconds;
        Callbacks = [.. callbacks];
        if (Callbacks.Count == 0 || Callbacks.Any(c => c is null))
        {
            throw new ArgumentException("At least one callback is needed, and none may be null.", nameof(callbacks));
        }
    }

    /// <summary>The CLI's timeout for a hook registered without one, in seconds; the client gives up on the callback then too.</summary>
    public const int DefaultTimeoutSeconds = 600;

    /// <summary>Gets the event.</summary>
    public QoderHookEvent Event { get; }

    /// <summary>Gets the matcher forwarded to the CLI, if any.</summary>
    public string? Matcher { get; }

    /// <summary>Gets the timeout in seconds, if set.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>Gets the callbacks.</summary>
    public IReadOnlyList<QoderHookCallback> Callbacks { get; }
}
