namespace Qoder.AgentSdk.Sessions;

/// <summary>One session a <see cref="IQoderSessionStore"/> holds for a project.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="ModifiedAt">When entries were last appended to the session's main transcript.</param>
public sealed record QoderStoredSession(string SessionId, DateTimeOffset ModifiedAt);
