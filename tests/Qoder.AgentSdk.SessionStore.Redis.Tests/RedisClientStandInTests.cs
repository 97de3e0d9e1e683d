using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>A <see cref="QoderClient"/> on the stand-in with the Redis store: mirroring, an outage, a resume elsewhere.</summary>
[Collection(RedisServerGroup.Name)]
public sealed class RedisClientStandInTests : StandInTestClass
{
    private readonly RedisFixture _redis;
    private readonly string _prefix = RedisFixture.UniquePrefix();

    public RedisClientStandInTests(RedisFixture redis) => _redis = redis;

    private static IEnumerable<string> Texts(IEnumerable<QoderMessage> messages) =>
        messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content.OfType<TextBlock>()).Select(b => b.Text);

    [Fact]
    public async Task A_redis_outage_during_a_session_surfaces_mirror_error_and_the_turn_still_succeeds()
    {
        // A private server: this test kills it.
        await using var server = await RedisServer.StartAsync();
        await using var store = new QoderRedisSessionStore(new QoderRedisSessionStoreOptions { ConnectionString = server.ConnectionString, Prefix = _prefix });
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("one").Reply("two"), o =>
        {
            o.SessionStore = store;
            o.SessionStoreAppendTimeout = TimeSpan.FromSeconds(10);
        });

        var healthy = await StandInHarness.TurnAsync(client, "alpha");
        var key = new QoderSessionKey(QoderProjectKey.FromDirectory(StandIn.Work), client.SessionId!);
        var stored = await store.LoadAsync(key);
        await server.KillAsync();
        var during = await StandInHarness.TurnAsync(client, "beta");

        Assert.Empty(healthy.OfType<MirrorErrorMessage>());
        Assert.Contains(stored!, e => e.GetRawText().Contains("alpha", StringComparison.Ordinal));
        var error = Assert.Single(during.OfType<MirrorErrorMessage>());
        Assert.Equal(key, error.Key);
        Assert.False(string.IsNullOrEmpty(error.Error));
        var result = Assert.IsType<ResultMessage>(during[^1]);
        Assert.Equal(("success", false), (result.Subtype, result.IsError));
        Assert.Equal(["two"], Texts(during));
    }

    [Fact]
    public async Task A_session_mirrored_to_redis_resumes_in_another_home_without_a_local_transcript()
    {
        var store = new QoderRedisSessionStore(_redis.Database, _prefix);
        using var homeA = new TempDirectory();
        using var homeB = new TempDirectory();
        var first = await StandIn.ConnectAsync(QoderScenario.Create().Reply("noted"), o =>
        {
            o.SessionStore = store;
            o.Environment["HOME"] = homeA.Path;
        });
        await StandInHarness.TurnAsync(first, "the marker is 7431");
        var sessionId = first.SessionId!;
        await first.DisposeAsync();

        var second = await StandIn.ConnectAsync(QoderScenario.Create().Reply("seen: " + QoderScenario.PreviousPromptsPlaceholder), o =>
        {
            o.SessionStore = store;
            o.Resume = sessionId;
            o.Environment["HOME"] = homeB.Path;
        });
        var messages = await StandInHarness.TurnAsync(second, "what was the marker?");

        Assert.Equal(["seen: the marker is 7431"], Texts(messages));
        Assert.Equal(sessionId, second.SessionId);
        var argv = StandIn.LastLaunch!.ReadRecording().Arguments.ToList();
        Assert.Equal(sessionId, argv[argv.IndexOf("--resume") + 1]);
        Assert.Contains("QODER_CONFIG_DIR", StandIn.LastLaunch!.ReadRecording().EnvironmentVariableNames);
        Assert.False(Directory.Exists(Path.Combine(homeB.Path, ".qoder", "projects")));
    }

    [Fact]
    public async Task The_catalog_over_redis_lists_reads_renames_forks_and_deletes_a_mirrored_session()
    {
        var store = new QoderRedisSessionStore(_redis.Database, _prefix);
        var client = await StandIn.ConnectAsync(QoderScenario.Create().Reply("first answer").Reply("second answer"), o => o.SessionStore = store);
        await StandInHarness.TurnAsync(client, "first question");
        await StandInHarness.TurnAsync(client, "second question");
        var sessionId = client.SessionId!;
        await client.DisposeAsync();
        var catalog = new QoderSessionCatalog(store);
        var here = new QoderSessionQuery { Directory = StandIn.Work };

        var listed = Assert.Single(await catalog.ListSessionsAsync(here));
        var messages = await catalog.GetSessionMessagesAsync(sessionId, here);
        await catalog.RenameSessionAsync(sessionId, "Renamed", StandIn.Work);
        var renamed = await catalog.GetSessionInfoAsync(sessionId, StandIn.Work);
        var forkId = await catalog.ForkSessionAsync(sessionId, new QoderSessionForkOptions { Directory = StandIn.Work });
        var fork = await catalog.GetSessionMessagesAsync(forkId, here);
        var deleted = await catalog.DeleteSessionAsync(sessionId, StandIn.Work);

        Assert.Equal((sessionId, "second question", "first question"), (listed.SessionId, listed.Summary, listed.FirstPrompt));
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.Type));
        Assert.Equal("Renamed", renamed!.Summary);
        Assert.Equal(messages.Select(m => m.Message.GetRawText()), fork.Select(m => m.Message.GetRawText()));
        Assert.True(deleted);
        Assert.Equal([forkId], (await catalog.ListSessionsAsync(here)).Select(s => s.SessionId));
        Assert.Empty(await catalog.GetSessionMessagesAsync(sessionId, here));
    }
}
