using System.Text.Json;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Transport;
using Qoder.Extensions.Hosting.Conversations;
using Qoder.RealCli.Testing;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>Conversations on the real qodercli, offline (route A: headless, external auth, a scripted model).</summary>
public sealed class RealCliConversationTests
{
    [Fact]
    [Trait("Category", "RealCli")]
    public async Task A_warm_process_id_names_the_transcript_and_a_conversation_evicted_between_turns_keeps_its_history()
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        using var work = new TempDirectory("qoder-conv-real-");
        var home = Directory.CreateDirectory(Path.Combine(work.Path, "home")).FullName;
        var script = Path.Combine(home, "fake-responses.jsonl");
        new FakeResponsesScript().AddText("first answer").AddText("second answer").WriteTo(script);
        await using var host = new ConversationHost(
            new AgentSdk.Testing.QoderScenario(),
            o =>
            {
                o.Pool.MinIdle = 1;
                o.Pool.MaxSize = 2;
                o.Pool.AcquireTimeout = TimeSpan.FromMinutes(2);
            },
            agent: o =>
            {
                o.CliPath = cli;
                o.Environment.Clear();
                o.Environment["HOME"] = home;
                o.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
                o.Settings = FakeResponsesScript.UseExternalAuthSettingsJson;
                o.ExtraArgs["fake-responses"] = script;
            },
            work: work);
        await host.Host.StartAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => host.Pool.Snapshot().Idle >= 1, "the pool warms the real CLI", TimeSpan.FromMinutes(2));
        var warmInit = host.Pool.LastInit?.SessionId;

        var id = await host.Conversations.StartAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var first = await host.Conversations.RunAsync(id, "remember the word heron").WaitAsync(TimeSpan.FromMinutes(2));
        var transcript = ConversationTranscripts.LocalPath(id, host.Pool.Options.Agent);

        Assert.Equal(warmInit, id);
        Assert.Equal(id, first.SessionId);
        Assert.True(File.Exists(transcript), $"the first prompt wrote {transcript}");

        // Eviction: stdin closes and the CLI gets the eviction grace (15 s) to exit on its own, past the 5 s of a plain shutdown.
        await host.Conversations.CloseAsync(id).WaitAsync(TimeSpan.FromMinutes(1));
        var second = await host.Conversations.RunAsync(id, "which word?").WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(id, second.SessionId);
        var prompts = File.ReadAllLines(transcript)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "user" && e.TryGetProperty("message", out var m) && m.GetProperty("content").ValueKind is JsonValueKind.String or JsonValueKind.Array)
            .Select(e => e.GetProperty("message").GetProperty("content").GetRawText())
            .ToList();
        Assert.Contains(prompts, p => p.Contains("remember the word heron", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.Contains("which word?", StringComparison.Ordinal));
        var entries = File.ReadAllLines(transcript).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(entries, e => e.GetProperty("type").GetString() == "assistant" && e.GetRawText().Contains("first answer", StringComparison.Ordinal));
    }
}
