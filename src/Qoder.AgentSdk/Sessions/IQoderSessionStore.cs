using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Keeps session transcripts outside the machine that wrote them, so that a session can be resumed on another machine.
/// The client appends the entries the CLI mirrors (<c>--session-mirror</c>) and, on resume, loads them back into a
/// private configuration directory for the CLI to read. The contract matches the official SDKs' session store, so
/// hosts written in other languages can share one store.
/// </summary>
/// <remarks>Implementations must be safe for concurrent use by several clients.</remarks>
public interface IQoderSessionStore
{
    /// <summary>Persists <paramref name="entries"/> after those already stored under <paramref name="key"/>, in order.</summary>
    /// <param name="key">The transcript the entries belong to.</param>
    /// <param name="entries">The new transcript entries, each a JSON object with at least a <c>type</c>.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>A task that completes once the entries are durable as far as the store promises.</returns>
    /// <remarks>The client calls this once per batch and never retries it; a failure is reported, not repeated.</remarks>
    Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default);

    /// <summary>Returns every entry stored under <paramref name="key"/> in append order.</summary>
    /// <param name="key">The transcript to load.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The entries, or <see langword="null"/> (or an empty list) when the store does not know the key.</returns>
    Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default);

    /// <summary>Lists the sessions stored for one project (used to pick the newest when continuing).</summary>
    /// <param name="projectKey">The project key (the working directory's key, see <see cref="QoderSessionKey.ProjectKey"/>).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>One item per main transcript of the project, in no particular order.</returns>
    Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the subpaths stored beside a session's main transcript (for example <c>subagents/agent-&lt;id&gt;</c>).</summary>
    /// <param name="projectKey">The project key.</param>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The subpaths, without the <c>.jsonl</c> suffix.</returns>
    Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Removes what is stored under <paramref name="key"/>.</summary>
    /// <param name="key">The transcript to remove. A key without a subpath removes the session's subkeys as well.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes once the entries are gone; removing an unknown key is not an error.</returns>
    Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default);
}
