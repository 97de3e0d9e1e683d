using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

[Collection(RedisServerGroup.Name)]
public sealed class QoderRedisSessionStoreTests
{
    private const string Project = "-home-alice-app";
    private readonly RedisFixture _redis;
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public QoderRedisSessionStoreTests(RedisFixture redis) => _redis = redis;

    private QoderRedisSessionStore Store() => new(_redis.Database, _prefix, _time);

    private static QoderSessionKey MainKey(string sessionId) => new(Project, sessionId);

    [Fact]
    public async Task Appended_batches_load_back_in_append_order()
    {
        var store = Store();
        var key = MainKey(Guid.NewGuid().ToString());

        await store.AppendAsync(key, Entries.Range(0, 3));
        await store.AppendAsync(key, Entries.Range(3, 2));

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(["w-0", "w-1", "w-2", "w-3", "w-4"], loaded.Select(e => e.Uuid()));
        Assert.Equal(JsonValueKind.Object, loaded[0].ValueKind);
        Assert.Equal(3, loaded[3].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Load_of_an_unknown_key_is_null()
    {
        var store = Store();

        Assert.Null(await store.LoadAsync(MainKey(Guid.NewGuid().ToString())));
        Assert.Null(await store.LoadAsync(new QoderSessionKey(Project, Guid.NewGuid().ToString(), "subagents/agent-x")));
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing()
    {
        var store = Store();
        var key = MainKey(Guid.NewGuid().ToString());

        await store.AppendAsync(key, []);

        Assert.Null(await store.LoadAsync(key));
        Assert.Empty(await store.ListSessionsAsync(Project));
        Assert.Empty(_redis.KeysUnder(_prefix));
    }

    [Fact]
    public async Task Concurrent_appenders_never_split_or_reorder_a_batch()
    {
        const int writers = 8;
        const int batches = 25;
        const int batchSize = 4;
        var key = MainKey(Guid.NewGuid().ToString());

        // Each writer has its own store (as separate hosts would), all on one transcript.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = Store();
            for (var b = 0; b < batches; b++)
            {
                await store.AppendAsync(key, Entries.Range(b * batchSize, batchSize, "w" + w));
            }
        })));

        var loaded = (await Store().LoadAsync(key))!;
        Assert.Equal(writers * batches * batchSize, loaded.Count);
        for (var i = 0; i < loaded.Count; i += batchSize)
        {
            // A batch is contiguous: one writer, consecutive numbers starting at a batch boundary.
            var batch = loaded.Skip(i).Take(batchSize).ToList();
            var writer = batch[0].GetProperty("writer").GetString();
            var first = batch[0].GetProperty("n").GetInt32();
            Assert.Equal(0, first % batchSize);
            Assert.All(batch, e => Assert.Equal(writer, e.GetProperty("writer").GetString()));
            Assert.Equal(Enumerable.Range(first, batchSize), batch.Select(e => e.GetProperty("n").GetInt32()));
        }

        // Each writer's batches arrive in the order it appended them.
        foreach (var group in loaded.GroupBy(e => e.GetProperty("writer").GetString()))
        {
            Assert.Equal(Enumerable.Range(0, batches * batchSize), group.Select(e => e.GetProperty("n").GetInt32()));
        }
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_with_the_time_of_their_last_main_append()
    {
        var store = Store();
        var older = Guid.NewGuid().ToString();
        var newer = Guid.NewGuid().ToString();
        var start = _time.GetUtcNow();

        await store.AppendAsync(MainKey(older), Entries.Range(0, 1));
        _time.Advance(TimeSpan.FromSeconds(5));
        await store.AppendAsync(MainKey(newer), Entries.Range(0, 1));
        _time.Advance(TimeSpan.FromSeconds(5));

        // A subagent append is not a main-transcript change: neither a new session nor a newer time.
        await store.AppendAsync(new QoderSessionKey(Project, older, "subagents/agent-a1"), Entries.Range(0, 1));

        var sessions = await store.ListSessionsAsync(Project);
        Assert.Equal([newer, older], sessions.Select(s => s.SessionId));
        Assert.Equal(start.AddSeconds(5), sessions[0].ModifiedAt);
        Assert.Equal(start, sessions[1].ModifiedAt);
        Assert.Empty(await store.ListSessionsAsync("-some-other-project"));

        await store.AppendAsync(MainKey(older), Entries.Range(1, 1));
        var after = await store.ListSessionsAsync(Project);
        Assert.Equal([older, newer], after.Select(s => s.SessionId));
        Assert.Equal(start.AddSeconds(10), after[0].ModifiedAt);
    }

    [Fact]
    public async Task Subkeys_list_each_subpath_once_in_ordinal_order()
    {
        var store = Store();
        var session = Guid.NewGuid().ToString();

        await store.AppendAsync(new QoderSessionKey(Project, session, "subagents/agent-b"), Entries.Range(0, 2));
        await store.AppendAsync(new QoderSessionKey(Project, session, "subagents/agent-a"), Entries.Range(0, 1));
        await store.AppendAsync(new QoderSessionKey(Project, session, "subagents/agent-b"), Entries.Range(2, 1));

        Assert.Equal(["subagents/agent-a", "subagents/agent-b"], await store.ListSubkeysAsync(Project, session));
        Assert.Empty(await store.ListSubkeysAsync(Project, Guid.NewGuid().ToString()));
        var sub = await store.LoadAsync(new QoderSessionKey(Project, session, "subagents/agent-b"));
        Assert.Equal(["w-0", "w-1", "w-2"], sub!.Select(e => e.Uuid()));
    }

    [Fact]
    public async Task Deleting_a_main_key_removes_its_subkeys_and_its_index_entry()
    {
        var store = Store();
        var doomed = Guid.NewGuid().ToString();
        var kept = Guid.NewGuid().ToString();
        await store.AppendAsync(MainKey(doomed), Entries.Range(0, 2));
        await store.AppendAsync(new QoderSessionKey(Project, doomed, "subagents/agent-a"), Entries.Range(0, 1));
        await store.AppendAsync(new QoderSessionKey(Project, doomed, "subagents/agent-b"), Entries.Range(0, 1));
        await store.AppendAsync(MainKey(kept), Entries.Range(0, 1));

        await store.DeleteAsync(MainKey(doomed));

        Assert.Null(await store.LoadAsync(MainKey(doomed)));
        Assert.Null(await store.LoadAsync(new QoderSessionKey(Project, doomed, "subagents/agent-a")));
        Assert.Empty(await store.ListSubkeysAsync(Project, doomed));
        Assert.Equal([kept], (await store.ListSessionsAsync(Project)).Select(s => s.SessionId));

        // Nothing of the deleted session is left in Redis: only the kept session's list and the project index remain.
        var keys = new RedisSessionKeys(_prefix);
        Assert.Equal(
            new[] { (string)keys.Entries(MainKey(kept))!, (string)keys.Sessions(Project)! }.Order(StringComparer.Ordinal),
            _redis.KeysUnder(_prefix));

        await store.DeleteAsync(MainKey(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Deleting_a_subkey_removes_only_that_transcript()
    {
        var store = Store();
        var session = Guid.NewGuid().ToString();
        await store.AppendAsync(MainKey(session), Entries.Range(0, 1));
        await store.AppendAsync(new QoderSessionKey(Project, session, "subagents/agent-a"), Entries.Range(0, 1));
        await store.AppendAsync(new QoderSessionKey(Project, session, "subagents/agent-b"), Entries.Range(0, 1));

        await store.DeleteAsync(new QoderSessionKey(Project, session, "subagents/agent-a"));

        Assert.Null(await store.LoadAsync(new QoderSessionKey(Project, session, "subagents/agent-a")));
        Assert.NotNull(await store.LoadAsync(new QoderSessionKey(Project, session, "subagents/agent-b")));
        Assert.NotNull(await store.LoadAsync(MainKey(session)));
        Assert.Equal(["subagents/agent-b"], await store.ListSubkeysAsync(Project, session));
        Assert.Equal([session], (await store.ListSessionsAsync(Project)).Select(s => s.SessionId));
    }

    [Fact]
    public async Task A_malformed_element_fails_the_load_naming_the_list()
    {
        var store = Store();
        var key = MainKey(Guid.NewGuid().ToString());
        await store.AppendAsync(key, Entries.Range(0, 1));
        await _redis.Database.ListRightPushAsync(new RedisSessionKeys(_prefix).Entries(key), "not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(key));
        Assert.Contains(":main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Element 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_prefix_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new QoderRedisSessionStore(_redis.Database, ":::"));
    }

    [Fact]
    public async Task A_store_with_its_own_connection_connects_on_first_use_and_closes_on_dispose()
    {
        var options = new QoderRedisSessionStoreOptions { ConnectionString = _redis.Server.ConnectionString, Prefix = _prefix };
        var key = MainKey(Guid.NewGuid().ToString());
        await using (var store = new QoderRedisSessionStore(options, _time))
        {
            await store.AppendAsync(key, Entries.Range(0, 2));
        }

        Assert.Equal(2, (await Store().LoadAsync(key))!.Count);
        var closed = new QoderRedisSessionStore(options, _time);
        await closed.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => closed.LoadAsync(key));
    }
}
