using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Tests.SessionCatalog;

public sealed class LocalSessionCatalogTests : IDisposable
{
    private static readonly DateTime Older = new(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Newer = new(2026, 5, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly RecordedTranscripts _disk = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly QoderSessionCatalog _catalog;

    public LocalSessionCatalogTests()
    {
        _disk.Place(RecordedTranscripts.ParallelTools, Older);
        _disk.Place(RecordedTranscripts.TwoTurns, Newer);
        _catalog = new QoderSessionCatalog(_disk.Config, _time);
    }

    public void Dispose() => _disk.Dispose();

    private static string Text(QoderSessionMessage message) =>
        message.Message.GetProperty("content")[0].TryGetProperty("text", out var text) ? text.GetString()! : message.Message.GetProperty("content")[0].GetProperty("type").GetString()!;

    [Fact]
    public async Task Messages_follow_the_active_chain_and_put_parallel_tool_results_back_beside_their_calls()
    {
        var messages = await _catalog.GetSessionMessagesAsync(RecordedTranscripts.ParallelTools);

        // The leaf's parent chain skips the first two tool results (each hangs off its own call); they come back after the
        // response's calls, before the result that is on the chain. Attachments and markers are not messages.
        Assert.Equal(
            ["992860bf", "6887f782", "1966b9b8", "1fdcc60e", "dd5970a3", "044d52e7", "bdffb7f9", "f8429ec2", "c07d639f"],
            messages.Select(m => m.Uuid[..8]));
        Assert.Equal(["user", "assistant", "assistant", "assistant", "assistant", "user", "user", "user", "assistant"], messages.Select(m => m.Type));
        Assert.All(messages, m => Assert.Equal(RecordedTranscripts.ParallelTools, m.SessionId));
        Assert.Equal("hi", Text(messages[0]));
        Assert.NotNull(messages[5].ToolUseResult);
        Assert.Equal("2026-12-01T01:07:55.216Z", messages[0].Timestamp);
    }

    [Fact]
    public async Task Messages_of_a_resumed_session_span_both_runs_and_page_with_offset_and_limit()
    {
        var all = await _catalog.GetSessionMessagesAsync(RecordedTranscripts.TwoTurns, new QoderSessionQuery { Directory = _disk.Work });
        var page = await _catalog.GetSessionMessagesAsync(RecordedTranscripts.TwoTurns, new QoderSessionQuery { Offset = 1, Limit = 2 });

        Assert.Equal(["hello one", "First answer.", "hello two", "Second answer."], all.Select(Text));
        Assert.Equal(["First answer.", "hello two"], page.Select(Text));
        Assert.Empty(await _catalog.GetSessionMessagesAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Info_reads_prompts_branch_directory_size_and_times_from_the_transcript()
    {
        var info = await _catalog.GetSessionInfoAsync(RecordedTranscripts.TwoTurns, _disk.Work);

        Assert.NotNull(info);
        Assert.Equal("hello two", info.Summary);
        Assert.Equal("hello one", info.FirstPrompt);
        Assert.Null(info.CustomTitle);
        Assert.Null(info.Tag);
        Assert.Equal("/tmp/store-probe/w1", info.Cwd);
        Assert.Equal("HEAD", info.GitBranch);
        Assert.Equal(new FileInfo(RecordedTranscripts.FileOf(RecordedTranscripts.TwoTurns)).Length, info.FileSize);
        Assert.Equal(new DateTimeOffset(Newer), info.LastModified);
        Assert.NotNull(info.CreatedAt);
        Assert.Null(await _catalog.GetSessionInfoAsync(Guid.NewGuid().ToString()));
        Assert.Null(await _catalog.GetSessionInfoAsync(RecordedTranscripts.TwoTurns, Path.Combine(_disk.Work, "elsewhere")));
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_per_directory_or_across_projects()
    {
        var other = Directory.CreateDirectory(Path.Combine(_disk.Config, "projects", "-some-other-project")).FullName;
        File.Copy(RecordedTranscripts.FileOf(RecordedTranscripts.ParallelTools), Path.Combine(other, "0b6c7f4e-5d1a-4c1e-9a41-6f3f8b1c2d3e.jsonl"));
        File.SetLastWriteTimeUtc(Path.Combine(other, "0b6c7f4e-5d1a-4c1e-9a41-6f3f8b1c2d3e.jsonl"), Newer.AddDays(1));

        var here = await _catalog.ListSessionsAsync(new QoderSessionQuery { Directory = _disk.Work });
        var everywhere = await _catalog.ListSessionsAsync();
        var second = await _catalog.ListSessionsAsync(new QoderSessionQuery { Offset = 1, Limit = 1 });

        Assert.Equal([RecordedTranscripts.TwoTurns, RecordedTranscripts.ParallelTools], here.Select(s => s.SessionId));
        Assert.Equal(["0b6c7f4e-5d1a-4c1e-9a41-6f3f8b1c2d3e", RecordedTranscripts.TwoTurns, RecordedTranscripts.ParallelTools], everywhere.Select(s => s.SessionId));
        Assert.Equal([RecordedTranscripts.TwoTurns], second.Select(s => s.SessionId));
        Assert.Equal("hi", here[1].Summary);
    }

    [Fact]
    public async Task Rename_and_tag_append_entries_that_the_info_reads_back()
    {
        await _catalog.RenameSessionAsync(RecordedTranscripts.TwoTurns, "  Release notes  ");
        await _catalog.TagSessionAsync(RecordedTranscripts.TwoTurns, "ｒｅｖｉｅｗ\u200b");
        var tagged = await _catalog.GetSessionInfoAsync(RecordedTranscripts.TwoTurns);
        await _catalog.TagSessionAsync(RecordedTranscripts.TwoTurns, null);
        var cleared = await _catalog.GetSessionInfoAsync(RecordedTranscripts.TwoTurns);

        Assert.Equal(("Release notes", "Release notes", "review"), (tagged!.Summary, tagged.CustomTitle, tagged.Tag));
        Assert.Null(cleared!.Tag);
        var lines = File.ReadAllLines(Path.Combine(_disk.Project, RecordedTranscripts.TwoTurns + ".jsonl"));
        var title = JsonDocument.Parse(lines[^3]).RootElement;
        Assert.Equal(("custom-title", RecordedTranscripts.TwoTurns, "2026-06-01T12:00:00.000Z"),
            (title.GetProperty("type").GetString(), title.GetProperty("sessionId").GetString(), title.GetProperty("timestamp").GetString()));

        // The marker entries are not messages and do not move the chain.
        Assert.Equal(4, (await _catalog.GetSessionMessagesAsync(RecordedTranscripts.TwoTurns)).Count);
    }

    [Fact]
    public async Task Changing_an_unknown_session_fails_naming_it_and_a_malformed_id_is_rejected()
    {
        var unknown = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<QoderSessionNotFoundException>(() => _catalog.RenameSessionAsync(unknown, "x"));
        Assert.Equal(unknown, error.SessionId);
        await Assert.ThrowsAsync<QoderSessionNotFoundException>(() => _catalog.TagSessionAsync(unknown, "x"));
        await Assert.ThrowsAsync<QoderSessionNotFoundException>(() => _catalog.ForkSessionAsync(unknown));
        await Assert.ThrowsAsync<ArgumentException>(() => _catalog.GetSessionMessagesAsync("../../etc/passwd"));
        await Assert.ThrowsAsync<ArgumentException>(() => _catalog.TagSessionAsync(RecordedTranscripts.TwoTurns, "\u200b "));
    }

    [Fact]
    public async Task Subagents_are_listed_from_the_sidecar_folder_and_read_back_as_one_chain()
    {
        var subagents = Directory.CreateDirectory(Path.Combine(_disk.Project, RecordedTranscripts.TwoTurns, "subagents")).FullName;
        File.WriteAllLines(Path.Combine(subagents, "agent-a1.jsonl"),
        [
            """{"type":"user","uuid":"s1","parentUuid":null,"isSidechain":true,"message":{"role":"user","content":[{"type":"text","text":"look"}]}}""",
            """{"type":"assistant","uuid":"s2","parentUuid":"s1","isSidechain":true,"message":{"role":"assistant","content":[{"type":"text","text":"found"}]}}""",
        ]);
        File.WriteAllText(Path.Combine(subagents, "agent-a1.meta.json"), "{}");
        File.WriteAllText(Path.Combine(subagents, "agent-b2.jsonl"), string.Empty);

        Assert.Equal(["a1", "b2"], await _catalog.ListSubagentsAsync(RecordedTranscripts.TwoTurns));
        Assert.Equal(["look", "found"], (await _catalog.GetSubagentMessagesAsync(RecordedTranscripts.TwoTurns, "a1")).Select(Text));
        Assert.Empty(await _catalog.GetSubagentMessagesAsync(RecordedTranscripts.TwoTurns, "zz"));
        Assert.Empty(await _catalog.ListSubagentsAsync(RecordedTranscripts.ParallelTools));
        await Assert.ThrowsAsync<ArgumentException>(() => _catalog.GetSubagentMessagesAsync(RecordedTranscripts.TwoTurns, "../x"));
    }

    [Fact]
    public async Task Delete_removes_the_transcript_and_its_sidecar_folder()
    {
        var sidecar = Directory.CreateDirectory(Path.Combine(_disk.Project, RecordedTranscripts.TwoTurns, "subagents")).FullName;

        Assert.True(await _catalog.DeleteSessionAsync(RecordedTranscripts.TwoTurns, _disk.Work));

        Assert.False(File.Exists(Path.Combine(_disk.Project, RecordedTranscripts.TwoTurns + ".jsonl")));
        Assert.False(Directory.Exists(sidecar));
        Assert.Equal([RecordedTranscripts.ParallelTools], (await _catalog.ListSessionsAsync()).Select(s => s.SessionId));
        Assert.False(await _catalog.DeleteSessionAsync(RecordedTranscripts.TwoTurns));
    }

    [Fact]
    public async Task A_fork_copies_the_chain_under_new_ids_and_titles_itself_after_the_source()
    {
        var forkId = await _catalog.ForkSessionAsync(RecordedTranscripts.ParallelTools, new QoderSessionForkOptions { Directory = _disk.Work });

        var source = await _catalog.GetSessionMessagesAsync(RecordedTranscripts.ParallelTools);
        var fork = await _catalog.GetSessionMessagesAsync(forkId);
        var info = await _catalog.GetSessionInfoAsync(forkId);
        Assert.NotEqual(RecordedTranscripts.ParallelTools, forkId);
        Assert.True(File.Exists(Path.Combine(_disk.Project, forkId + ".jsonl")));
        Assert.Equal(source.Select(m => m.Type), fork.Select(m => m.Type));
        Assert.All(source.Zip(fork), pair => Assert.True(JsonElement.DeepEquals(pair.First.Message, pair.Second.Message), pair.First.Uuid));
        Assert.Empty(fork.Select(m => m.Uuid).Intersect(source.Select(m => m.Uuid)));
        Assert.All(fork, m => Assert.Equal(forkId, m.SessionId));
        Assert.Equal("hi (fork)", info!.CustomTitle);
    }

    [Fact]
    public async Task A_fork_up_to_a_message_stops_there_and_takes_the_given_title()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _catalog.ForkSessionAsync(
            RecordedTranscripts.TwoTurns, new QoderSessionForkOptions { UpToMessageId = "bc40c8f0-0000-0000-0000-000000000000", Title = "x" }));

        var firstAnswer = (await _catalog.GetSessionMessagesAsync(RecordedTranscripts.TwoTurns))[1].Uuid;
        var cut = await _catalog.ForkSessionAsync(RecordedTranscripts.TwoTurns, new QoderSessionForkOptions { UpToMessageId = firstAnswer, Title = " Branch " });

        Assert.Equal(["hello one", "First answer."], (await _catalog.GetSessionMessagesAsync(cut)).Select(Text));
        Assert.Equal("Branch", (await _catalog.GetSessionInfoAsync(cut))!.CustomTitle);
    }

    [Fact]
    public async Task The_active_leaf_selects_the_branch_after_a_rewind_and_a_null_leaf_empties_the_session()
    {
        var id = Guid.NewGuid().ToString();
        string Entry(string type, string uuid, string? parent, string text) =>
            $$$"""{"type":"{{{type}}}","uuid":"{{{uuid}}}","parentUuid":{{{(parent is null ? "null" : $"\"{parent}\"")}}},"sessionId":"{{{id}}}","message":{"role":"{{{type}}}","content":[{"type":"text","text":"{{{text}}}"}]}}""";
        var path = Path.Combine(_disk.Project, id + ".jsonl");
        File.WriteAllLines(path,
        [
            Entry("user", "u1", null, "q1"), Entry("assistant", "a1", "u1", "r1"),
            Entry("user", "u2", "a1", "abandoned"), Entry("assistant", "a2", "u2", "abandoned answer"),
            Entry("user", "u3", "a1", "q2 again"), Entry("assistant", "a3", "u3", "r2"),
            $$"""{"type":"active-leaf","sessionId":"{{id}}","leafUuid":"a3"}""",
        ]);

        Assert.Equal(["q1", "r1", "q2 again", "r2"], (await _catalog.GetSessionMessagesAsync(id)).Select(Text));

        File.AppendAllLines(path, [$$"""{"type":"active-leaf","sessionId":"{{id}}","leafUuid":"a2"}"""]);
        Assert.Equal(["q1", "r1", "abandoned", "abandoned answer"], (await _catalog.GetSessionMessagesAsync(id)).Select(Text));

        File.AppendAllLines(path, [$$"""{"type":"active-leaf","sessionId":"{{id}}","leafUuid":null}"""]);
        Assert.Empty(await _catalog.GetSessionMessagesAsync(id));
    }

    [Fact]
    public async Task Runtime_view_starts_at_the_last_compact_boundary_and_historical_view_crosses_it()
    {
        var id = Guid.NewGuid().ToString();
        File.WriteAllLines(Path.Combine(_disk.Project, id + ".jsonl"),
        [
            """{"type":"user","uuid":"u1","parentUuid":null,"message":{"role":"user","content":[{"type":"text","text":"old"}]}}""",
            """{"type":"system","subtype":"compact_boundary","uuid":"b1","parentUuid":null,"logicalParentUuid":"u1","message":{"role":"system","content":[{"type":"text","text":"boundary"}]}}""",
            """{"type":"user","uuid":"s1","parentUuid":"b1","isCompactSummary":true,"message":{"role":"user","content":[{"type":"text","text":"summary"}]}}""",
            """{"type":"user","uuid":"u2","parentUuid":"s1","message":{"role":"user","content":[{"type":"text","text":"new"}]}}""",
        ]);

        var runtime = await _catalog.GetSessionMessagesAsync(id, new QoderSessionQuery { IncludeSystemMessages = true });
        var historical = await _catalog.GetSessionMessagesAsync(id, new QoderSessionQuery { View = QoderSessionMessageView.Historical, IncludeSystemMessages = true });

        Assert.Equal(["boundary", "summary", "new"], runtime.Select(Text));
        Assert.Equal("compact_boundary", runtime[0].Subtype);
        Assert.Equal(["old", "new"], historical.Select(Text));
    }
}
