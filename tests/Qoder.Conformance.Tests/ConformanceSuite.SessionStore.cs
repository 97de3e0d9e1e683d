using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;

namespace Qoder.Conformance.Tests;

/// <summary>The session store scenario: a session mirrored from one home is resumed from the store in another.</summary>
public abstract partial class ConformanceSuite
{
    // Two real-CLI starts; on a loaded machine one start alone was seen to take 55 s.
    private static readonly TimeSpan SlowStart = Guard - TimeSpan.FromSeconds(10);

    [Fact]
    public virtual async Task A_session_in_the_store_resumes_in_another_home_with_its_history()
    {
        var store = new QoderInMemorySessionStore();
        var first = await ConnectAsync(ConformanceScript.Reply("Remember alpha."), configure: o =>
        {
            o.SessionStore = store;
            o.InitializeTimeout = SlowStart;
        });
        await TurnAsync(first, "The word is alpha.");
        var sessionId = first.SessionId!;
        await first.DisposeAsync();
        var key = new QoderSessionKey(QoderProjectKey.FromDirectory(Run.Work), sessionId);
        var stored = await store.LoadAsync(key);
        var lastAnswer = stored!.Last(e => e.GetProperty("type").GetString() == "assistant").GetProperty("uuid").GetString();

        var otherHome = Directory.CreateTempSubdirectory("qoder-conf-home-b-").FullName;
        try
        {
            var second = await ConnectAsync(ConformanceScript.Reply("Welcome back."), configure: o =>
            {
                o.SessionStore = store;
                o.Resume = sessionId;
                o.Environment["HOME"] = otherHome;
                o.InitializeTimeout = SlowStart;
            });
            var materialized = second.MaterializedConfigDirectory;
            var commandLine = ProcessWatch.CommandLine(second.ProcessId!.Value);
            var configDirectory = ChildVariable(second.ProcessId!.Value, "QODER_CONFIG_DIR");
            var messages = await TurnAsync(second, "What was the word?");

            Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
            Assert.Equal(sessionId, second.SessionId);
            Assert.Contains($"--resume {sessionId}", commandLine, StringComparison.Ordinal);
            Assert.NotNull(materialized);
            Assert.Equal(materialized, configDirectory);
            Assert.False(Directory.Exists(Path.Combine(otherHome, ".qoder", "projects")));

            // The resumed CLI chained the new prompt onto the first home's last answer: it read the history from the store.
            var resumedPrompt = (await store.LoadAsync(key))!.Skip(stored!.Count)
                .First(e => e.GetProperty("type").GetString() == "user" && e.GetRawText().Contains("What was the word?", StringComparison.Ordinal));
            Assert.Equal(lastAnswer, resumedPrompt.GetProperty("parentUuid").GetString());

            await second.DisposeAsync();
            Assert.False(Directory.Exists(materialized));
        }
        finally
        {
            Directory.Delete(otherHome, recursive: true);
        }
    }

    private static string? ChildVariable(int pid, string name)
    {
        var prefix = name + "=";
        return File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }
}
