namespace Qoder.AgentSdk;

/// <summary>
/// <see cref="Sessions.QoderSessionCatalog"/> found no transcript for a session it was asked to change or copy. Check the
/// session id and the directory (a session is found under its working directory's project key).
/// </summary>
public sealed class QoderSessionNotFoundException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderSessionNotFoundException"/> class.</summary>
    /// <param name="sessionId">The session that was not found.</param>
    /// <param name="where">Where it was looked for.</param>
    public QoderSessionNotFoundException(string sessionId, string where)
        : base($"Session {sessionId} was not found in {where}; check the id and the directory the session ran in.")
    {
        SessionId = sessionId;
    }

    /// <summary>Gets the session that was not found.</summary>
    public string SessionId { get; }
}
