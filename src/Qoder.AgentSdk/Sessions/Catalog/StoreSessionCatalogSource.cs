using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Transcripts in a <see cref="IQoderSessionStore"/>, found under the project key of a working directory.</summary>
internal sealed class StoreSessionCatalogSource : SessionCatalogSource
{
    private readonly IQoderSessionStore _store;

    public StoreSessionCatalogSource(IQoderSessionStore store) => _store = store;

    public override string Describe(string? directory) => $"the session store (project {ProjectKey(directory)})";

    public override async Task<IReadOnlyList<SessionHandle>> ListAsync(string? directory, CancellationToken cancellationToken)
    {
        var cwd = Cwd(directory);
        var sessions = await _store.ListSessionsAsync(QoderProjectKey.FromDirectory(cwd), cancellationToken).ConfigureAwait(false);
        return [.. sessions.Select(s => new SessionHandle(s.SessionId, s.ModifiedAt, null, cwd))];
    }

    public override async Task<(SessionHandle Handle, IReadOnlyList<JsonElement> Entries)?> LoadAsync(string sessionId, string? directory, CancellationToken cancellationToken)
    {
        var entries = await _store.LoadAsync(new QoderSessionKey(ProjectKey(directory), sessionId), cancellationToken).ConfigureAwait(false);
        if (entries is not { Count: > 0 })
        {
            return null;
        }

        // The store's list holds the modification time; without it, the summary falls back to the newest entry time.
        return (new SessionHandle(sessionId, default, null, Cwd(directory)), entries);
    }

    public override Task<IReadOnlyList<string>> ListSubpathsAsync(string sessionId, string? directory, CancellationToken cancellationToken) =>
        _store.ListSubkeysAsync(ProjectKey(directory), sessionId, cancellationToken);

    public override Task<IReadOnlyList<JsonElement>?> LoadSubpathAsync(string sessionId, string subpath, string? directory, CancellationToken cancellationToken) =>
        _store.LoadAsync(new QoderSessionKey(ProjectKey(directory), sessionId, subpath), cancellationToken);

    public override async Task<bool> AppendAsync(string sessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken)
    {
        await _store.AppendAsync(new QoderSessionKey(ProjectKey(directory), sessionId), entries, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override Task CreateAsync(string sessionId, string besideSessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken) =>
        _store.AppendAsync(new QoderSessionKey(ProjectKey(directory), sessionId), entries, cancellationToken);

    public override async Task<bool> DeleteAsync(string sessionId, string? directory, CancellationToken cancellationToken)
    {
        await _store.DeleteAsync(new QoderSessionKey(ProjectKey(directory), sessionId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Cwd(string? directory) => directory ?? Environment.CurrentDirectory;

    private static string ProjectKey(string? directory) => QoderProjectKey.FromDirectory(Cwd(directory));
}
