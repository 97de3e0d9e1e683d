namespace Qoder.AgentSdk.Artifacts;

/// <summary>The CLI asks for the host's artifact snapshot of a session (<c>resolve_session_artifacts</c>).</summary>
/// <param name="LocalSessionId">The CLI's session id.</param>
/// <param name="Cwd">The session's working directory.</param>
public sealed record QoderSessionArtifactsRequest(string LocalSessionId, string Cwd);
