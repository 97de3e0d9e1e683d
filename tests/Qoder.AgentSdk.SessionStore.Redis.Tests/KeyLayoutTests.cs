using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Sessions;
using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>
/// The raw Redis layout is the contract with Python and TypeScript hosts, so it is checked key by key here against an
/// encoding computed independently of the store (plain base64 turned into unpadded base64url).
/// </summary>
[Collection(RedisServerGroup.Name)]
public sealed class KeyLayoutTests
{
    private const string Project = "-home-alice-app";
    private const string Session = "0b6c7f4e-5d1a-4c1e-9a41-6f3f8b1c2d3e";
    private const string Subpath = "subagents/agent-a1b2";
    private readonly RedisFixture _redis;
    private readonly string _prefix = RedisFixture.UniquePrefix();

    public KeyLayoutTests(RedisFixture redis) => _redis = redis;

    private static string B64Url(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task Appends_write_the_samples_lists_sorted_set_and_set()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123));
        var store = new QoderRedisSessionStore(_redis.Database, _prefix + ":", time);
        var entry = Entries.Of("""{"type":"user","uuid":"u1","message":{"role":"user","content":"héllo"}}""");

        await store.AppendAsync(new QoderSessionKey(Project, Session), [entry]);
        await store.AppendAsync(new QoderSessionKey(Project, Session, Subpath), [entry]);

        var main = $"{_prefix}:entries:{B64Url(Project)}:{B64Url(Session)}:main";
        var child = $"{_prefix}:entries:{B64Url(Project)}:{B64Url(Session)}:child:{B64Url(Subpath)}";
        var sessions = $"{_prefix}:sessions:{B64Url(Project)}";
        var subkeys = $"{_prefix}:subkeys:{B64Url(Project)}:{B64Url(Session)}";
        Assert.Equal(new[] { main, child, sessions, subkeys }.Order(StringComparer.Ordinal), _redis.KeysUnder(_prefix));

        var db = _redis.Database;
        Assert.Equal(RedisType.List, await db.KeyTypeAsync(main));
        Assert.Equal(RedisType.List, await db.KeyTypeAsync(child));
        Assert.Equal(RedisType.SortedSet, await db.KeyTypeAsync(sessions));
        Assert.Equal(RedisType.Set, await db.KeyTypeAsync(subkeys));

        // The element is the entry's JSON, the session index scores the raw session id with Unix milliseconds and the
        // subkey set holds the raw subpath.
        var stored = (string)(await db.ListGetByIndexAsync(main, 0))!;
        Assert.Equal("u1", JsonDocument.Parse(stored).RootElement.GetProperty("uuid").GetString());
        Assert.Equal(1_780_000_000_123, await db.SortedSetScoreAsync(sessions, Session));
        Assert.Equal([Subpath], (await db.SetMembersAsync(subkeys)).Select(v => (string)v!));
    }

    [Fact]
    public async Task A_session_written_by_another_language_host_in_the_sample_layout_is_read_back()
    {
        // What the Python or TypeScript sample leaves in Redis for one session with one subagent.
        var db = _redis.Database;
        var main = $"{_prefix}:entries:{B64Url(Project)}:{B64Url(Session)}:main";
        await db.ListRightPushAsync(main, ["""{"type":"user","uuid":"a"}""", """{"type":"assistant","uuid":"b","parentUuid":"a"}"""]);
        await db.SortedSetAddAsync($"{_prefix}:sessions:{B64Url(Project)}", Session, 1_700_000_000_000);
        await db.ListRightPushAsync($"{_prefix}:entries:{B64Url(Project)}:{B64Url(Session)}:child:{B64Url(Subpath)}", """{"type":"user","uuid":"s"}""");
        await db.SetAddAsync($"{_prefix}:subkeys:{B64Url(Project)}:{B64Url(Session)}", Subpath);
        var store = new QoderRedisSessionStore(_redis.Database, _prefix);

        var sessions = await store.ListSessionsAsync(Project);
        var loaded = await store.LoadAsync(new QoderSessionKey(Project, Session));
        var subkeys = await store.ListSubkeysAsync(Project, Session);
        var sub = await store.LoadAsync(new QoderSessionKey(Project, Session, Subpath));

        Assert.Equal(new QoderStoredSession(Session, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)), Assert.Single(sessions));
        Assert.Equal(["a", "b"], loaded!.Select(e => e.Uuid()));
        Assert.Equal([Subpath], subkeys);
        Assert.Equal("s", Assert.Single(sub!).Uuid());

        await store.DeleteAsync(new QoderSessionKey(Project, Session));
        Assert.Empty(_redis.KeysUnder(_prefix));
    }

    [Fact]
    public void Trailing_separators_of_the_prefix_do_not_change_the_keys()
    {
        var key = new QoderSessionKey(Project, Session);
        Assert.Equal(new RedisSessionKeys("app").Entries(key), new RedisSessionKeys("app::").Entries(key));
        Assert.Equal("app", new QoderRedisSessionStore(_redis.Database, "app:").Prefix);
        Assert.Equal(QoderRedisSessionStoreOptions.DefaultPrefix, new QoderRedisSessionStore(_redis.Database).Prefix);
    }
}
