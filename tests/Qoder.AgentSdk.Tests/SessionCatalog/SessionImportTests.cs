using System.Text.Json;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.SessionCatalog;

/// <summary><see cref="QoderSessionImport.ImportToStoreAsync"/>: a local transcript, its subagents and sidecars, copied into a store.</summary>
public sealed class SessionImportTests : IDisposable
{
    private readonly RecordedTranscripts _transcripts = new();

    [Fact]
    public async Task A_local_session_and_its_subagents_reach_the_store_in_batches_under_the_official_keys()
    {
        var id = RecordedTranscripts.TwoTurns;
        var main = _transcripts.Place(id, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var subagents = Directory.CreateDirectory(Path.Combine(Path.ChangeExtension(main, null), "subagents")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(subagents, "agent-a1.jsonl"), ["""{"type":"user","uuid":"s1"}""", "not json", """{"type":"assistant","uuid":"s2"}"""]);
        await File.WriteAllTextAsync(Path.Combine(subagents, "agent-a1.meta.json"), """{"agentType":"reviewer","type":"custom"}""");
        var store = new CountingStore();

        var key = await QoderSessionImport.ImportToStoreAsync(id, store, new QoderSessionImportOptions { ConfigDirectory = _transcripts.Config, BatchSize = 2 });

        var expected = RecordedTranscripts.Entries(id);
        Assert.Equal(new QoderSessionKey(QoderProjectKey.FromDirectory(_transcripts.Work), id), key);
        var stored = await store.LoadAsync(key);
        Assert.Equal(expected.Select(e => e.GetRawText()), stored!.Select(e => e.GetRawText()));
        Assert.Equal((expected.Count + 1) / 2, store.Appends[key]);
        var subkey = key with { Subpath = "subagents/agent-a1" };
        var sub = await store.LoadAsync(subkey);
        Assert.Equal(["s1", "s2"], sub!.Take(2).Select(e => e.GetProperty("uuid").GetString()));
        Assert.Equal("""{"type":"custom","agentType":"reviewer"}""", sub![2].GetRawText());
        Assert.Equal(["subagents/agent-a1"], await store.ListSubkeysAsync(key.ProjectKey, id));
    }

    [Fact]
    public async Task Subagents_can_be_left_out_and_the_directory_selects_the_project()
    {
        var id = RecordedTranscripts.ParallelTools;
        var main = _transcripts.Place(id, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var subagents = Directory.CreateDirectory(Path.Combine(Path.ChangeExtension(main, null), "subagents")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(subagents, "agent-b.jsonl"), ["""{"type":"user"}"""]);
        var store = new CountingStore();

        var key = await QoderSessionImport.ImportToStoreAsync(
            id, store, new QoderSessionImportOptions { ConfigDirectory = _transcripts.Config, Directory = _transcripts.Work, IncludeSubagents = false });

        Assert.Equal(RecordedTranscripts.Entries(id).Count, (await store.LoadAsync(key))!.Count);
        Assert.Empty(await store.ListSubkeysAsync(key.ProjectKey, id));
    }

    [Fact]
    public async Task An_unknown_or_malformed_session_id_is_refused()
    {
        var store = new QoderInMemorySessionStore();
        var options = new QoderSessionImportOptions { ConfigDirectory = _transcripts.Config };

        await Assert.ThrowsAsync<QoderSessionNotFoundException>(() => QoderSessionImport.ImportToStoreAsync(Guid.NewGuid().ToString(), store, options));
        await Assert.ThrowsAsync<ArgumentException>(() => QoderSessionImport.ImportToStoreAsync("../etc/passwd", store, options));
    }

    public void Dispose() => _transcripts.Dispose();

    /// <summary>An in-memory store that counts the appends per key.</summary>
    private sealed class CountingStore : IQoderSessionStore
    {
        private readonly QoderInMemorySessionStore _inner = new();

        public Dictionary<QoderSessionKey, int> Appends { get; } = [];

        public Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default)
        {
            Appends[key] = Appends.GetValueOrDefault(key) + 1;
            return _inner.AppendAsync(key, entries, cancellationToken);
        }

        public Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, cancellationToken);

        public Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default) => _inner.ListSessionsAsync(projectKey, cancellationToken);

        public Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default) =>
            _inner.ListSubkeysAsync(projectKey, sessionId, cancellationToken);

        public Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);
    }
}
