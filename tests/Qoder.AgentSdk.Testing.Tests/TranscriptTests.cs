using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Transcripts;

namespace Qoder.AgentSdk.Testing.Tests;

/// <summary>Transcripts on disk, <c>--session-mirror</c> frames, resume, fork and the history placeholder, as the real CLI behaves.</summary>
public sealed class TranscriptTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("standin-home-").FullName;
    private readonly string _project = Directory.CreateTempSubdirectory("standin-project-").FullName;

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task A_turn_is_written_to_the_transcript_and_mirrored_entry_for_entry_before_the_result()
    {
        const string Uuid = "7d0e2c4a-1111-4a4a-8b8b-000000000001";
        await using var cli = Start(QoderScenario.Create().Reply("Hi there."), "--session-mirror");
        await cli.SendUserAsync("hello", Uuid);
        var lines = await UntilResultAsync(cli);
        var sessionId = (string)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]!;

        var file = Path.Combine(_home, ".qoder", "projects", ProjectKeyOf(_project), sessionId + ".jsonl");
        var onDisk = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var mirrors = lines.Where(l => StandInProcess.Is(l, "transcript_mirror")).ToList();
        Assert.All(mirrors, m => Assert.Equal(file, (string?)m["filePath"]));
        var mirrored = mirrors.SelectMany(m => m["entries"]!.AsArray()).Select(e => e!.ToJsonString()).ToList();
        Assert.Equal(onDisk.Select(e => e.ToJsonString()), mirrored);
        Assert.True(lines.FindIndex(l => StandInProcess.Is(l, "transcript_mirror")) < lines.FindIndex(l => StandInProcess.Is(l, "assistant")));

        var user = onDisk.Single(e => (string?)e["type"] == "user");
        var assistant = onDisk.Single(e => (string?)e["type"] == "assistant");
        Assert.Equal(Uuid, (string?)user["uuid"]);
        Assert.Null(user["parentUuid"]);
        Assert.Equal(sessionId, (string?)user["sessionId"]);
        Assert.Equal("hello", (string?)user["message"]!["content"]![0]!["text"]);
        Assert.Equal(Uuid, (string?)assistant["parentUuid"]);
        Assert.Equal("Hi there.", (string?)assistant["message"]!["content"]![0]!["text"]);
        Assert.Equal("last-prompt", (string?)onDisk[^1]["type"]);
    }

    [Fact]
    public async Task Without_session_mirror_the_transcript_is_written_but_not_mirrored()
    {
        await using var cli = Start(QoderScenario.Create());
        await cli.SendUserAsync("hello", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        Assert.DoesNotContain(lines, l => StandInProcess.Is(l, "transcript_mirror"));
        Assert.Single(Directory.GetFiles(Path.Combine(_home, ".qoder", "projects", ProjectKeyOf(_project)), "*.jsonl"));
    }

    [Fact]
    public async Task Resume_continues_the_same_session_with_its_history_and_mirrors_only_new_entries()
    {
        var sessionId = await FirstSessionAsync("alpha", "beta");
        var oldLines = File.ReadAllLines(TranscriptPath(sessionId)).ToList();
        var lastOld = oldLines.Select(l => JsonNode.Parse(l)!).Last(e => (string?)e["type"] == "assistant");

        await using var cli = Start(QoderScenario.Create().Reply("seen: " + QoderScenario.PreviousPromptsPlaceholder), "--session-mirror", "--resume", sessionId);
        await cli.SendUserAsync("gamma", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        Assert.Equal(sessionId, (string?)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]);
        Assert.Equal("seen: alpha | beta", AssistantText(lines));
        var mirrored = lines.Where(l => StandInProcess.Is(l, "transcript_mirror")).SelectMany(m => m["entries"]!.AsArray()).ToList();
        Assert.Equal(oldLines, File.ReadLines(TranscriptPath(sessionId)).Take(oldLines.Count));
        Assert.Equal(File.ReadLines(TranscriptPath(sessionId)).Skip(oldLines.Count), mirrored.Select(e => e!.ToJsonString()));
        var gamma = mirrored.Single(e => (string?)e!["type"] == "user")!;
        Assert.Equal((string?)lastOld["uuid"], (string?)gamma["parentUuid"]);
    }

    [Fact]
    public async Task Continue_resumes_the_newest_session_of_the_project()
    {
        var sessionId = await FirstSessionAsync("alpha");

        await using var cli = Start(QoderScenario.Create().Reply(QoderScenario.PreviousPromptsPlaceholder), "--continue");
        await cli.SendUserAsync("next", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        Assert.Equal(sessionId, (string?)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]);
        Assert.Equal("alpha", AssistantText(lines));
    }

    [Fact]
    public async Task Resume_of_an_unknown_session_fails_like_the_cli()
    {
        const string Unknown = "44444444-4444-4444-8444-444444444444";
        await using var cli = Start(QoderScenario.Create(), "--resume", Unknown);

        Assert.Equal(42, await cli.WaitForExitAsync());
        Assert.StartsWith($"Error resuming session: Invalid session identifier \"{Unknown}\".", cli.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".qoder", "projects", ProjectKeyOf(_project)), cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_uuid_that_the_resumed_transcript_holds_is_acknowledged_and_not_played_again()
    {
        const string Uuid = "7d0e2c4a-1111-4a4a-8b8b-000000000002";
        var sessionId = await FirstSessionAsync(("alpha", Uuid));

        await using var cli = Start(QoderScenario.Create().Reply("second").Reply("third"), "--resume", sessionId);
        await cli.SendUserAsync("alpha", Uuid);
        await cli.WaitForAsync(l => StandInProcess.Is(l, "command_lifecycle") && (string?)l["command_uuid"] == Uuid && (string?)l["state"] == "completed");
        await cli.SendUserAsync("fresh", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        Assert.Equal("second", AssistantText(lines));
        Assert.Single(File.ReadLines(TranscriptPath(sessionId)), l => l.Contains(Uuid, StringComparison.Ordinal) && l.Contains("\"type\":\"user\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fork_session_takes_a_new_id_and_mirrors_the_copied_history_as_its_first_frame()
    {
        var original = await FirstSessionAsync("alpha");

        await using var cli = Start(QoderScenario.Create().Reply(QoderScenario.PreviousPromptsPlaceholder), "--session-mirror", "--resume", original, "--fork-session");
        var first = await cli.WaitForAsync(l => StandInProcess.Is(l, "transcript_mirror"));
        await cli.SendUserAsync("beta", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        var forked = (string)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]!;
        Assert.NotEqual(original, forked);
        Assert.Equal(TranscriptPath(forked), (string?)first["filePath"]);
        Assert.Equal(File.ReadLines(TranscriptPath(original)).Count(), first["entries"]!.AsArray().Count);
        Assert.All(first["entries"]!.AsArray(), e => Assert.Equal(forked, (string?)e!["sessionId"] ?? forked));
        Assert.Equal("alpha", AssistantText(lines));
    }

    [Fact]
    public async Task Session_id_names_a_new_transcript_and_the_config_dir_variable_wins_over_home()
    {
        const string Id = "5b3c1f2e-0000-4000-8000-00000000000a";
        var config = Path.Combine(_home, "elsewhere");
        await using var cli = Start(QoderScenario.Create(), ["--session-id", Id], new Dictionary<string, string?> { ["QODER_CONFIG_DIR"] = config });
        await cli.SendUserAsync("hello", Guid.NewGuid().ToString());
        await UntilResultAsync(cli);

        Assert.True(File.Exists(Path.Combine(config, "projects", ProjectKeyOf(_project), Id + ".jsonl")));
        Assert.False(Directory.Exists(Path.Combine(_home, ".qoder", "projects")));
    }

    [Fact]
    public async Task No_session_persistence_writes_no_transcript_and_mirrors_nothing()
    {
        await using var cli = Start(QoderScenario.Create(), "--session-mirror", "--no-session-persistence");
        await cli.SendUserAsync("hello", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);

        Assert.DoesNotContain(lines, l => StandInProcess.Is(l, "transcript_mirror"));
        Assert.False(Directory.Exists(Path.Combine(_home, ".qoder", "projects")));
    }

    [Theory]
    [InlineData(QoderScenario.MirrorFaultOutsideProjects)]
    [InlineData(QoderScenario.MirrorFaultInvalidSessionId)]
    [InlineData(QoderScenario.MirrorFaultMalformed)]
    public async Task A_mirror_fault_corrupts_the_frames_but_not_the_transcript(string fault)
    {
        await using var cli = Start(QoderScenario.Create().WithMirrorFault(fault), "--session-mirror");
        await cli.SendUserAsync("hello", Guid.NewGuid().ToString());
        var lines = await UntilResultAsync(cli);
        var sessionId = (string)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]!;

        var frame = lines.First(l => StandInProcess.Is(l, "transcript_mirror"));
        var path = (string)frame["filePath"]!;
        switch (fault)
        {
            case QoderScenario.MirrorFaultOutsideProjects:
                Assert.DoesNotContain($"{Path.DirectorySeparatorChar}projects{Path.DirectorySeparatorChar}", path, StringComparison.Ordinal);
                break;
            case QoderScenario.MirrorFaultInvalidSessionId:
                Assert.False(Guid.TryParse(Path.GetFileNameWithoutExtension(path), out _));
                break;
            default:
                Assert.IsNotType<JsonArray>(frame["entries"]);
                break;
        }

        Assert.Contains(File.ReadLines(TranscriptPath(sessionId)), l => l.Contains("\"type\":\"assistant\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/home/alice/app", "-home-alice-app")]
    [InlineData("/tmp/a b_c.d", "-tmp-a-b-c-d")]
    public void Project_key_replaces_every_character_outside_letters_and_digits(string path, string expected) =>
        Assert.Equal(expected, ProjectKey.Sanitize(path));

    [Fact]
    public void A_long_project_key_is_cut_to_200_characters_and_suffixed_with_its_hash() =>
        Assert.Equal("-" + new string('a', 199) + "-ig6416", ProjectKey.Sanitize("/" + new string('a', 250)));

    private static string ProjectKeyOf(string directory) => ProjectKey.For(directory);

    private static string AssistantText(List<JsonObject> lines) =>
        string.Concat(lines.Where(l => StandInProcess.Is(l, "assistant")).Select(l => (string?)l["message"]!["content"]![0]!["text"]));

    private static async Task<List<JsonObject>> UntilResultAsync(StandInProcess cli)
    {
        var lines = new List<JsonObject>();
        while (true)
        {
            var line = await cli.WaitForAsync(_ => true);
            lines.Add(line);
            if (StandInProcess.Is(line, "result"))
            {
                return lines;
            }
        }
    }

    private string TranscriptPath(string sessionId) => Path.Combine(_home, ".qoder", "projects", ProjectKeyOf(_project), sessionId + ".jsonl");

    private StandInProcess Start(QoderScenario scenario, params string[] args) => Start(scenario, args, null);

    private StandInProcess Start(QoderScenario scenario, string[] args, Dictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?> { ["HOME"] = _home };
        foreach (var (name, value) in environment ?? [])
        {
            variables[name] = value;
        }

        return StandInProcess.Start(scenario, ["--cwd", _project, .. args], variables);
    }

    private Task<string> FirstSessionAsync(params string[] prompts) => FirstSessionAsync([.. prompts.Select(p => (p, Guid.NewGuid().ToString()))]);

    private async Task<string> FirstSessionAsync(params (string Prompt, string Uuid)[] prompts)
    {
        await using var cli = Start(QoderScenario.Create());
        string? sessionId = null;
        foreach (var (prompt, uuid) in prompts)
        {
            await cli.SendUserAsync(prompt, uuid);
            var lines = await UntilResultAsync(cli);
            sessionId = (string)lines.First(l => StandInProcess.Is(l, "system", "init"))["session_id"]!;
        }

        cli.CloseStdin();
        Assert.Equal(0, await cli.WaitForExitAsync());
        return sessionId!;
    }
}
