using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;
using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>The conformance suite against the real CLI 1.1.52 in SDK mode with a PAT, talking to the local backend mock (route B).</summary>
[Trait("Category", "RealCli")]
public sealed class RouteBConformanceTests(ITestOutputHelper output) : ConformanceSuite(new RouteBTarget(), output)
{
    /// <summary>
    /// SDK mode mirrors as headless does. The resume half is not run here: route B points the CLI at the mock through an
    /// endpoint cache in the config directory, and a materialised directory holds only the login (as in the official SDKs),
    /// so the resumed CLI would send its token exchange to the public host. RedisRealCliConversationTests runs the resume on
    /// route B through a wrapper that adds the cache; route A and the stand-in run the whole scenario here.
    /// </summary>
    [Fact]
    public override async Task A_session_in_the_store_resumes_in_another_home_with_its_history()
    {
        var store = new QoderInMemorySessionStore();
        var client = await ConnectAsync(ConformanceScript.Reply("Remember alpha."), configure: o =>
        {
            o.SessionStore = store;
            o.InitializeTimeout = Guard - TimeSpan.FromSeconds(10);
        });
        var messages = await TurnAsync(client, "The word is alpha.");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var stored = await store.LoadAsync(new QoderSessionKey(QoderProjectKey.FromDirectory(Run.Work), client.SessionId!));
        Assert.Contains(stored!, e => e.GetProperty("type").GetString() == "user" && e.GetRawText().Contains("The word is alpha.", StringComparison.Ordinal));
        Assert.Contains(stored!, e => e.GetProperty("type").GetString() == "assistant");
    }
}
