using System.Text.Json;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.Sessions;

/// <summary>A store whose appends fail (or never finish) while its other methods work, for the mirror's failure paths.</summary>
internal sealed class FailingAppendStore(bool hang = false) : IQoderSessionStore
{
    private readonly QoderInMemorySessionStore _inner = new();

    public int Attempts { get; private set; }

    public async Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default)
    {
        Attempts++;
        if (hang)
        {
            // Ignores the token on purpose: the client must time out a store that does not listen.
            await new TaskCompletionSource().Task.ConfigureAwait(false);
        }

        throw new InvalidOperationException("store is down");
    }

    public Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, cancellationToken);

    public Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default) =>
        _inner.ListSessionsAsync(projectKey, cancellationToken);

    public Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default) =>
        _inner.ListSubkeysAsync(projectKey, sessionId, cancellationToken);

    public Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);
}

/// <summary>A store whose loads never finish, for the load timeout.</summary>
internal sealed class HangingLoadStore : IQoderSessionStore
{
    public Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default)
    {
        await new TaskCompletionSource().Task.ConfigureAwait(false);
        return null;
    }

    public Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QoderStoredSession>>([]);

    public Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
