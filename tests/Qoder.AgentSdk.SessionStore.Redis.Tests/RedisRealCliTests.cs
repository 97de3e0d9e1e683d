using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Transport;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>The real qodercli (route A: headless, scripted model, offline) handing a session over through Redis.</summary>
[Trait("Category", "RealCli")]
[Collection(RedisServerGroup.Name)]
public sealed class RedisRealCliTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private readonly RedisFixture _redis;

    public RedisRealCliTests(RedisFixture redis) => _redis = redis;

    private static QoderAgentOptions RouteA(string cli, string home, string work, FakeResponsesScript script)
    {
        var scriptPath = Path.Combine(home, "fake-responses.jsonl");
        script.WriteTo(scriptPath);
        var options = new QoderAgentOptions
        {
            CliPath = cli,
            AutoInstallCli = false,
            WorkingDirectory = work,
            Auth = QoderAuth.Headless(),
            Settings = FakeResponsesScript.UseExternalAuthSettingsJson,
            ShutdownGracePeriod = TimeSpan.FromMilliseconds(500),
            KillGracePeriod = TimeSpan.FromMilliseconds(500),
        };
        options.ExtraArgs["fake-responses"] = scriptPath;
        options.Environment["HOME"] = home;
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
        return options;
    }

    private static async Task<List<QoderMessage>> TurnAsync(QoderClient client, string prompt)
    {
        await client.SendAsync(prompt);
        return await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(HangGuard);
    }

    [Fact]
    public async Task A_session_started_in_one_home_continues_from_redis_in_another_home_without_its_transcript()
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        using var homeA = new TempDirectory("qoder-home-a-");
        using var homeB = new TempDirectory("qoder-home-b-");
        using var work = new TempDirectory("qoder-work-");
        var store = new QoderRedisSessionStore(_redis.Database, RedisFixture.UniquePrefix());
        var project = QoderProjectKey.FromDirectory(work.Path);

        var optionsA = RouteA(cli, homeA.Path, work.Path, new FakeResponsesScript().AddText("Stored."));
        optionsA.SessionStore = store;
        string sessionId;
        await using (var hostA = new QoderClient(optionsA))
        {
            await hostA.ConnectAsync().WaitAsync(HangGuard);
            var first = await TurnAsync(hostA, "Remember the marker 7431.");
            Assert.Equal("success", Assert.IsType<ResultMessage>(first[^1]).Subtype);
            sessionId = hostA.SessionId!;
        }

        var afterA = (await store.LoadAsync(new QoderSessionKey(project, sessionId)))!;
        var lastOfA = afterA.Last(e => e.GetProperty("type").GetString() == "assistant").GetProperty("uuid").GetString();

        var optionsB = RouteA(cli, homeB.Path, work.Path, new FakeResponsesScript().AddText("The marker was 7431."));
        optionsB.SessionStore = store;
        optionsB.Resume = sessionId;
        await using (var hostB = new QoderClient(optionsB))
        {
            await hostB.ConnectAsync().WaitAsync(HangGuard);
            var second = await TurnAsync(hostB, "Which marker?");
            Assert.Equal("success", Assert.IsType<ResultMessage>(second[^1]).Subtype);
            Assert.Equal(sessionId, hostB.SessionId);
        }

        // Host B never had the transcript on disk (it was materialised into a private QODER_CONFIG_DIR), yet its CLI
        // resumed the session: the new prompt hangs off host A's last answer, and the store holds both turns.
        Assert.False(File.Exists(Path.Combine(homeB.Path, ".qoder", "projects", project, sessionId + ".jsonl")));
        var afterB = (await store.LoadAsync(new QoderSessionKey(project, sessionId)))!;
        var prompt = afterB.Skip(afterA.Count).First(e => e.GetProperty("type").GetString() == "user");
        Assert.Contains("Which marker?", prompt.GetRawText(), StringComparison.Ordinal);
        var chain = await new QoderSessionCatalog(store).GetSessionMessagesAsync(sessionId, new QoderSessionQuery { Directory = work.Path });
        Assert.Contains(chain, m => m.Uuid == lastOfA);
        Assert.Contains(chain, m => m.Message.GetRawText().Contains("Remember the marker 7431.", StringComparison.Ordinal));
        Assert.Contains(chain, m => m.Message.GetRawText().Contains("The marker was 7431.", StringComparison.Ordinal));
    }
}
