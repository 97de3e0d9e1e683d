using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// A session store in this process's memory: for tests, and for a host that resumes sessions only in the process that
/// wrote them (a restarted process or another machine sees nothing). Thread-safe; entries are copied on the way in.
/// </summary>
public sealed class QoderInMemorySessionStore : IQoderSessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<QoderSessionKey, List<JsonElement>> _transcripts = [];
    private readonly Dictionary<(string ProjectKey, string SessionId), DateTimeOffset> _modified = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="QoderInMemorySessionStore"/> class.</summary>
    /// <param name="timeProvider">The clock of <see cref="QoderStoredSession.ModifiedAt"/>; the system clock by default.</param>
    public QoderInMemorySessionStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the number of append calls so far (each is one batch of the client).</summary>
    public int AppendCount { get; private set; }

    /// <inheritdoc/>
    public Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = new JsonElement[entries.Count];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = entries[i].Clone();
        }

        lock (_gate)
        {
            if (!_transcripts.TryGetValue(key, out var stored))
            {
                stored = [];
                _transcripts[key] = stored;
            }

            stored.AddRange(copies);
            AppendCount++;
            if (key.Subpath is null)
            {
                _modified[(key.ProjectKey, key.SessionId)] = _timeProvider.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JsonElement>?>(_transcripts.TryGetValue(key, out var stored) ? [.. stored] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QoderStoredSession>>(
                [.. _modified.Where(e => e.Key.ProjectKey == projectKey).Select(e => new QoderStoredSession(e.Key.SessionId, e.Value))]);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectKey);
        ArgumentNullException.ThrowIfNull(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                [.. _transcripts.Keys.Where(k => k.ProjectKey == projectKey && k.SessionId == sessionId && k.Subpath is not null).Select(k => k.Subpath!)]);
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (key.Subpath is not null)
            {
                _transcripts.Remove(key);
                return Task.CompletedTask;
            }

            foreach (var stored in _transcripts.Keys.Where(k => k.ProjectKey == key.ProjectKey && k.SessionId == key.SessionId).ToList())
            {
                _transcripts.Remove(stored);
            }

            _modified.Remove((key.ProjectKey, key.SessionId));
        }

        return Task.CompletedTask;
    }
}
