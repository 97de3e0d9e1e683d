using System.Text.Json;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>
/// <see cref="QoderAgentOptions.Memory"/>, <see cref="QoderAgentOptions.SkillEvolution"/> and
/// <see cref="QoderAgentOptions.ResolveSessionArtifacts"/>: what <c>initialize</c> announces and how the CLI's
/// <c>memory_should_generate</c>, <c>skill_evolution_should_review</c> and <c>resolve_session_artifacts</c> are answered.
/// </summary>
public sealed class MemoryAndArtifactsStandInTests : StandInTestClass
{
    [Fact]
    public async Task The_memory_gate_decides_turn_complete_generation_and_the_result_reaches_its_callback()
    {
        var inputs = new List<QoderTurnCompleteGateInput>();
        var results = new List<QoderMemoryGenerationResult>();
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("First answer.")).Turn(t => t.Text("Second answer.")), o => o.Memory = new QoderMemoryOptions
        {
            Mode = QoderMemoryMode.Custom,
            Generation = new QoderMemoryGenerationOptions
            {
                TurnComplete = new QoderMemoryTurnCompleteOptions
                {
                    ShouldGenerate = (input, _) =>
                    {
                        inputs.Add(input);
                        return ValueTask.FromResult(input.TurnIndex == 1 ? QoderTurnCompleteGateResult.Skip("first turn is small talk") : QoderTurnCompleteGateResult.Start());
                    },
                    Timeout = TimeSpan.FromSeconds(3),
                    OnGateError = QoderGateErrorBehavior.ReportFailed,
                },
                OnResult = results.Add,
            },
        });
        var launch = StandIn.LastLaunch!;

        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync();
            await StandInHarness.TurnAsync(client, "remember the blue door");
            await StandInHarness.TurnAsync(client, "and the red one");
        }

        Assert.Equal([1, 2], inputs.Select(i => i.TurnIndex));
        Assert.Equal(["remember the blue door", "and the red one"], inputs.Select(i => i.Prompt));
        Assert.Equal("First answer.", inputs[0].Response);
        Assert.False(string.IsNullOrEmpty(inputs[0].SessionId));
        Assert.Equal(["skipped", "no_change"], results.Select(r => r.Status));
        Assert.Equal("first turn is small talk", results[0].Reason);

        var recording = launch.ReadRecording();
        var memory = Initialize(recording).GetProperty("memory");
        Assert.Equal(
            """{"requester":"sdk","mode":"custom","generation":{"enabled":true,"turnComplete":{"enabled":true,"shouldGenerateCallbackId":"memory_should_generate_0","timeoutMs":3000,"onGateError":"report_failed"}}}""",
            memory.GetRawText());
        Assert.Equal([false, true], recording.ControlAnswers.Select(a => a.GetProperty("response").GetProperty("run").GetBoolean()));
        Assert.Contains(recording.StdinFrames, f => f.TryGetProperty("request", out var r) && r.GetProperty("subtype").GetString() == "flush_memory");
    }

    [Fact]
    public async Task The_skill_review_gate_is_asked_every_threshold_turns_and_its_result_reaches_the_callback()
    {
        var asked = new List<int>();
        var results = new List<QoderSkillEvolutionResult>();
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("a")).Turn(t => t.Text("b")).Turn(t => t.Text("c")).Turn(t => t.Text("d")), o => o.SkillEvolution = new QoderSkillEvolutionOptions
        {
            Mode = QoderSkillEvolutionMode.Custom,
            MaxSuggestions = 3,
            TurnComplete = new QoderSkillEvolutionTurnCompleteOptions
            {
                ReviewThreshold = 2,
                ShouldReview = (input, _) =>
                {
                    asked.Add(input.TurnIndex);
                    return ValueTask.FromResult(new QoderTurnCompleteGateResult(Run: false, Reason: "not now"));
                },
            },
            OnResult = results.Add,
        });
        var launch = StandIn.LastLaunch!;

        await using (var client = new QoderClient(options))
        {
            await client.ConnectAsync();
            foreach (var prompt in new[] { "1", "2", "3", "4" })
            {
                await StandInHarness.TurnAsync(client, prompt);
            }
        }

        Assert.Equal([2, 4], asked);
        Assert.Equal(["skipped", "skipped"], results.Select(r => r.Status));
        var recording = launch.ReadRecording();
        Assert.Equal(
            """{"skill":{"requester":"sdk","mode":"custom","generation":{"enabled":true,"maxSuggestions":3,"turnComplete":{"enabled":true,"reviewThreshold":2,"shouldReviewCallbackId":"skill_evolution_should_review_0"}}}}""",
            Initialize(recording).GetProperty("evolution").GetRawText());
        Assert.All(recording.ControlAnswers, a => Assert.Equal("not now", a.GetProperty("response").GetProperty("reason").GetString()));
        Assert.Contains(recording.StdinFrames, f => f.TryGetProperty("request", out var r) && r.GetProperty("subtype").GetString() == "flush_skill_evolution");
    }

    [Fact]
    public async Task Native_memory_sends_only_its_scopes_and_the_cli_takes_its_own_path_without_a_gate()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("ok")), o => o.Memory = new QoderMemoryOptions { Mode = QoderMemoryMode.Native, UserScope = false });
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        var recording = launch.ReadRecording();
        Assert.Equal("""{"requester":"sdk","mode":"native","userScope":false}""", Initialize(recording).GetProperty("memory").GetRawText());
        Assert.Empty(recording.ControlAnswers);
    }

    [Fact]
    public async Task A_gate_for_another_callback_id_gets_the_official_unknown_callback_error()
    {
        var options = StandIn.Options(
            QoderScenario.Create().Turn(t => t
                .ControlRequest(new() { ["subtype"] = "memory_should_generate", ["callbackId"] = "memory_should_generate_7", ["input"] = new System.Text.Json.Nodes.JsonObject() })
                .Text("ok")),
            o => o.Memory = new QoderMemoryOptions
            {
                Mode = QoderMemoryMode.Custom,
                Generation = new QoderMemoryGenerationOptions
                {
                    Enabled = false,
                    TurnComplete = new QoderMemoryTurnCompleteOptions { Enabled = false, ShouldGenerate = (_, _) => ValueTask.FromResult(QoderTurnCompleteGateResult.Start()) },
                },
            });
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        Assert.Equal("Unknown memory shouldGenerate callback: memory_should_generate_7", launch.ReadRecording().ControlAnswers.Single().GetProperty("error").GetString());
    }

    [Fact]
    public async Task Resolve_session_artifacts_answers_with_the_host_snapshot_in_camel_case_and_the_cli_announces_it()
    {
        QoderSessionArtifactsRequestProbe? seen = null;
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ResolveSessionArtifacts().Text("ok")), o => o.ResolveSessionArtifacts = (request, _) =>
        {
            seen = new(request.LocalSessionId, request.Cwd);
            return ValueTask.FromResult<IReadOnlyList<QoderArtifactInfo>>(
            [
                new QoderArtifactInfo { Kind = "changed", Path = "/work/app/src/a.cs", DisplayPath = "src/a.cs", Name = "a.cs", Additions = 3, Deletions = 1, IsNew = false },
                new QoderArtifactInfo { Kind = "presented", Path = "/work/app/report.md", DisplayPath = "report.md", Name = "report.md", Group = new QoderArtifactGroup { Key = "docs", Name = "Docs" } },
            ]);
        });
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        Assert.NotNull(seen);
        var update = messages.OfType<ArtifactsUpdateMessage>().Last();
        Assert.Equal(["src/a.cs", "report.md"], update.Artifacts.Select(a => a.DisplayPath));
        Assert.Equal(3, update.Artifacts[0].Additions);
        Assert.Equal("Docs", update.Artifacts[1].Group!.Name);
        var recording = launch.ReadRecording();
        Assert.True(Initialize(recording).GetProperty("resolveSessionArtifacts").GetBoolean());
        var answer = recording.ControlAnswers.Single().GetProperty("response").GetProperty("artifacts");
        Assert.Equal(
            """{"path":"/work/app/src/a.cs","displayPath":"src/a.cs","name":"a.cs","kind":"changed","additions":3,"deletions":1,"isNew":false}""",
            answer[0].GetRawText());
    }

    [Fact]
    public async Task An_invalid_artifact_is_refused_with_the_official_message_and_the_cli_keeps_its_snapshot()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ResolveSessionArtifacts().Text("ok")), o => o.ResolveSessionArtifacts = (_, _) =>
            ValueTask.FromResult<IReadOnlyList<QoderArtifactInfo>>([new QoderArtifactInfo { Kind = "presented", Path = "relative.md", DisplayPath = "relative.md", Name = "relative.md" }]));
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        Assert.Equal("resolveSessionArtifacts result field \"path\" must be absolute", launch.ReadRecording().ControlAnswers.Single().GetProperty("error").GetString());
        Assert.All(messages.OfType<ArtifactsUpdateMessage>(), m => Assert.Empty(m.Artifacts));
    }

    [Theory]
    [InlineData("native-no-scope")]
    [InlineData("native-with-overrides")]
    [InlineData("threshold-too-high")]
    [InlineData("duplicate-root")]
    public async Task Inconsistent_settings_fail_before_the_cli_starts(string variant)
    {
        var options = StandIn.Options(QoderScenario.Create());
        switch (variant)
        {
            case "native-no-scope":
                options.Memory = new QoderMemoryOptions { Mode = QoderMemoryMode.Native, ProjectScope = false, UserScope = false };
                break;
            case "native-with-overrides":
                options.Memory = new QoderMemoryOptions { Mode = QoderMemoryMode.Native, Generation = new QoderMemoryGenerationOptions { Prompt = "x" } };
                break;
            case "threshold-too-high":
                options.SkillEvolution = new QoderSkillEvolutionOptions { TurnComplete = new QoderSkillEvolutionTurnCompleteOptions { ReviewThreshold = QoderSkillEvolutionConstants.MaxReviewThreshold + 1 } };
                break;
            default:
                var generation = new QoderMemoryGenerationOptions();
                generation.Roots.Add(new QoderMemoryRoot { Id = "a", Path = "/m1" });
                generation.Roots.Add(new QoderMemoryRoot { Id = "a", Path = "/m2" });
                options.Memory = new QoderMemoryOptions { Mode = QoderMemoryMode.Custom, Generation = generation };
                break;
        }

        await using var client = new QoderClient(options);
        await Assert.ThrowsAsync<QoderConfigurationException>(() => client.ConnectAsync());
    }

    private static JsonElement Initialize(StandInRecording recording) =>
        recording.FramesOfType("control_request").First(f => f.GetProperty("request").GetProperty("subtype").GetString() == "initialize").GetProperty("request");

    private sealed record QoderSessionArtifactsRequestProbe(string SessionId, string Cwd);
}
