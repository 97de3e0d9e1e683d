namespace Qoder.AgentSdk;

/// <summary>
/// The session store could not give back a session to resume in time (<see cref="QoderAgentOptions.SessionStoreLoadTimeout"/>)
/// or failed while loading it. Nothing was started; check the store, or raise the timeout.
/// </summary>
public sealed class QoderSessionStoreException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderSessionStoreException"/> class.</summary>
    /// <param name="sessionId">The session being loaded, when known.</param>
    /// <param name="message">What failed and how to fix it.</param>
    /// <param name="innerException">The store's error, if any.</param>
    public QoderSessionStoreException(string? sessionId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SessionId = sessionId;
    }

    /// <summary>Gets the session that was being loaded, when known.</summary>
    public string? SessionId { get; }
}
