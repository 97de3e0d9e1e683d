namespace Qoder.AgentSdk.Sessions;

/// <summary>Names one transcript in a <see cref="IQoderSessionStore"/>.</summary>
/// <param name="ProjectKey">
/// The working directory's key: its real path with every character outside <c>[A-Za-z0-9]</c> replaced by <c>-</c>
/// (long paths are shortened with a hash), as the CLI names its project folders.
/// </param>
/// <param name="SessionId">The session id (a UUID).</param>
/// <param name="Subpath">
/// <see langword="null"/> for the session's main transcript; otherwise the transcript beside it, without the
/// <c>.jsonl</c> suffix (for example <c>subagents/agent-&lt;id&gt;</c>).
/// </param>
public sealed record QoderSessionKey(string ProjectKey, string SessionId, string? Subpath = null);
