using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Transport;
using Qoder.Extensions.Hosting;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>
/// A hosted conversation on the real qodercli in SDK mode (route B: a fake access token, the local backend mock) moving
/// from one host to another through Redis.
/// </summary>
[Trait("Category", "RealCli")]
[Collection(RedisServerGroup.Name)]
public sealed partial class RedisRealCliConversationTests
{
    private const string FakePat = "pt-fake-conversation-handover";
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);
    private readonly RedisFixture _redis;

    public RedisRealCliConversationTests(RedisFixture redis) => _redis = redis;

    [GeneratedRegex(@"The secret word is ([A-Za-z0-9]+)\.")]
    private static partial Regex SecretWord();

    [Fact]
    public async Task A_conversation_started_in_one_host_continues_in_another_host_from_redis_and_the_model_sees_the_first_turn()
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        await using var mock = await QoderBackendMock.StartAsync();
        using var scratch = new TempDirectory("qoder-handover-");
        var homeA = Directory.CreateDirectory(Path.Combine(scratch.Path, "home-a")).FullName;
        var homeB = Directory.CreateDirectory(Path.Combine(scratch.Path, "home-b")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(scratch.Path, "work")).FullName;
        mock.SeedHome(homeA);
        mock.SeedHome(homeB);
        var wrapper = RecordingCliWrapper.Create(Directory.CreateDirectory(Path.Combine(scratch.Path, "cli")).FullName, cli, mock);
        var prefix = RedisFixture.UniquePrefix();
        var word = "W" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

        // The mock answers the second turn from the conversation the CLI sends it, knowing nothing of the word itself.
        mock.EnqueueText("Noted.");
        mock.EnqueueReply(request => SecretWord().Match(request.Text) is { Success: true } match
            ? $"The secret word was {match.Groups[1].Value}."
            : "Nobody told me a secret word.");

        string id;
        using (var hostA = BuildHost(wrapper, mock, homeA, work, prefix))
        {
            await hostA.StartAsync().WaitAsync(Guard);
            var conversations = hostA.Services.GetRequiredService<IQoderConversations>();
            id = await conversations.StartAsync().WaitAsync(Guard);
            var first = await conversations.RunAsync(id, $"The secret word is {word}.").WaitAsync(Guard);
            Assert.Equal("success", first.Result.Subtype);
            await hostA.StopAsync().WaitAsync(Guard);
        }

        var project = QoderProjectKey.FromDirectory(work);
        Assert.False(File.Exists(Path.Combine(homeB, ".qoder", "projects", project, id + ".jsonl")));
        using (var hostB = BuildHost(wrapper, mock, homeB, work, prefix))
        {
            await hostB.StartAsync().WaitAsync(Guard);
            var conversations = hostB.Services.GetRequiredService<IQoderConversations>();
            var second = await conversations.RunAsync(id, "What was the secret word?").WaitAsync(Guard);

            Assert.Equal("success", second.Result.Subtype);
            Assert.Equal(id, second.SessionId);
            Assert.Contains($"The secret word was {word}.", second.Text, StringComparison.Ordinal);
            await hostB.StopAsync().WaitAsync(Guard);
        }

        // Host B's CLI resumed the id from a private config directory (materialised from Redis), never from home B.
        var resumed = Assert.Single(wrapper.Launches(), l => l.Arguments.Contains("--resume"));
        Assert.Equal(id, resumed.Arguments[resumed.Arguments.ToList().IndexOf("--resume") + 1]);
        Assert.NotEqual(string.Empty, resumed.ConfigDirectory);
        Assert.False(resumed.ConfigDirectory.StartsWith(homeB, StringComparison.Ordinal));
        Assert.False(Directory.Exists(resumed.ConfigDirectory));
        Assert.False(File.Exists(Path.Combine(homeB, ".qoder", "projects", project, id + ".jsonl")));
        Assert.Equal(2, mock.ChatCallCount);
    }

    private IHost BuildHost(RecordingCliWrapper wrapper, QoderBackendMock mock, string home, string work, string prefix)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Pool:MinIdle"] = "0",
            ["Qoder:Pool:MaxSize"] = "2",
            ["Qoder:Pool:AcquireTimeout"] = "00:03:00",
            ["Qoder:SessionStore:Redis:ConnectionString"] = _redis.Server.ConnectionString,
            ["Qoder:SessionStore:Redis:Prefix"] = prefix,
        });
        builder.AddQoderAgent(o =>
        {
            o.CliPath = wrapper.ScriptPath;
            o.AutoInstallCli = false;
            o.WorkingDirectory = work;
            o.Auth = QoderAuth.AccessToken(FakePat);
            o.InitializeTimeout = Guard;
            o.Environment["HOME"] = home;
            o.Environment[QoderBackendMock.CenterEndpointVariable] = mock.Origin;
            o.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
        }).AddRedisSessionStore();
        return builder.Build();
    }
}
