using System.Text.Json.Nodes;
using Qoder.AgentSdk.Elicitation;
using Qoder.AgentSdk.ModelPolicy;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>The CLI→SDK requests besides permissions, hooks and MCP: model policy, elicitation, memory, skills, artifacts.</summary>
public sealed class CliRequestStandInTests : StandInTestClass
{
    private static readonly JsonObject[] Catalog =
    [
        new() { ["value"] = "auto", ["displayName"] = "Auto", ["description"] = "", ["isDefault"] = true },
        new() { ["value"] = "performance", ["displayName"] = "Performance", ["description"] = "", ["maxInputTokens"] = 200000 },
    ];

    [Fact]
    public async Task Pull_mode_answers_get_model_policy_and_the_call_runs_on_the_chosen_model()
    {
        var scenario = QoderScenario.Create().Turn(t => t.Text("Answer."));
        foreach (var model in Catalog)
        {
            scenario.Models.Add(model);
        }

        QoderModelPolicyContext? seen = null;
        var options = StandIn.Options(scenario, o => o.ResolveModel = (context, _) =>
        {
            seen = context;
            var largest = context.AvailableModels.MaxBy(m => m.TryGetProperty("maxInputTokens", out var t) ? t.GetInt32() : 0);
            return ValueTask.FromResult<QoderModelPolicy?>(new QoderModelPolicy
            {
                Model = largest.GetProperty("value").GetString(),
                Parameters = new JsonObject { ["reasoningEffort"] = "high" },
                TaskId = " review ",
            });
        });
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        Assert.Equal("performance", messages.OfType<AssistantMessage>().Single().Message.Model);
        Assert.NotNull(seen);
        Assert.Equal("main", seen.Purpose);
        Assert.Equal(0, seen.TurnIndex);
        Assert.Equal(2, seen.AvailableModels.Count);
        var recording = launch.ReadRecording();
        Assert.True(recording.FramesOfType("control_request").Single().GetProperty("request").GetProperty("modelPolicyProvider").GetBoolean());
        var answer = recording.FramesOfType("control_response").Select(f => f.GetProperty("response")).Single().GetProperty("response");
        Assert.Equal("get_model_policy", answer.GetProperty("type").GetString());
        Assert.Equal("high", answer.GetProperty("parameters").GetProperty("reasoningEffort").GetString());
        Assert.Equal("review", answer.GetProperty("task_id").GetString());
        Assert.Equal("performance", recording.ModelPolicies.Single().GetProperty("model").GetString());
    }

    [Fact]
    public async Task Without_a_resolver_initialize_announces_push_mode_and_no_policy_is_asked()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Answer.")));
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        var recording = launch.ReadRecording();
        Assert.False(recording.FramesOfType("control_request").Single().GetProperty("request").GetProperty("modelPolicyProvider").GetBoolean());
        Assert.Empty(recording.ModelPolicies);
    }

    [Fact]
    public async Task A_resolver_past_its_timeout_fails_the_model_call_with_the_typed_timeout_message()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("never")), o =>
        {
            o.ResolveModelTimeout = TimeSpan.FromMilliseconds(100);
            o.ResolveModel = async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return null;
            };
        });
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        var expected = new QoderModelPolicyTimeoutException(TimeSpan.FromMilliseconds(100)).Message;
        Assert.Equal(expected, launch.ReadRecording().ModelPolicies.Single().GetProperty("error").GetString());
        Assert.Contains(expected, messages.AssistantTexts().Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolver_returning_null_leaves_the_cli_its_own_model()
    {
        var options = StandIn.Options(QoderScenario.Create().WithModel("lite").Turn(t => t.Text("Answer.")), o =>
            o.ResolveModel = (_, _) => ValueTask.FromResult<QoderModelPolicy?>(null));
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        Assert.Equal("lite", messages.OfType<AssistantMessage>().Single().Message.Model);
        var answer = launch.ReadRecording().FramesOfType("control_response").Single().GetProperty("response").GetProperty("response");
        Assert.False(answer.TryGetProperty("model", out _));
    }

    [Fact]
    public async Task An_elicitation_without_a_handler_is_answered_cancel()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .ControlRequest(new JsonObject { ["subtype"] = "elicitation", ["mcp_server_name"] = "jira", ["message"] = "Log in?" })
            .Text("Done.")));
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        var answer = launch.ReadRecording().ControlAnswers.Single();
        Assert.Equal("cancel", answer.GetProperty("response").GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_elicitation_handler_gets_the_request_and_its_answer_reaches_the_cli()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .ControlRequest(new JsonObject
            {
                ["subtype"] = "elicitation",
                ["mcp_server_name"] = "jira",
                ["message"] = "Which project?",
                ["mode"] = "form",
                ["elicitation_id"] = "el-1",
                ["requested_schema"] = new JsonObject { ["type"] = "object" },
            })
            .Text("Done.")));
        var launch = StandIn.LastLaunch!;
        QoderElicitationRequest? seen = null;
        options.OnElicitation = (request, _) =>
        {
            seen = request;
            return ValueTask.FromResult(QoderElicitationResult.Accept(new JsonObject { ["project"] = "QDR" }));
        };

        await StandInHarness.QueryAsync("hi", options);

        Assert.NotNull(seen);
        Assert.Equal("jira", seen.ServerName);
        Assert.Equal("Which project?", seen.Message);
        Assert.Equal("form", seen.Mode);
        Assert.Equal("el-1", seen.ElicitationId);
        Assert.Equal("object", seen.RequestedSchema!.Value.GetProperty("type").GetString());
        var answer = launch.ReadRecording().ControlAnswers.Single().GetProperty("response");
        Assert.Equal("accept", answer.GetProperty("action").GetString());
        Assert.Equal("QDR", answer.GetProperty("content").GetProperty("project").GetString());
    }

    [Fact]
    public async Task Memory_skill_evolution_and_artifact_requests_get_the_errors_the_official_sdk_gives_without_callbacks()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .ControlRequest(new JsonObject { ["subtype"] = "memory_should_generate", ["callbackId"] = "memory_should_generate_0", ["input"] = new JsonObject() })
            .ControlRequest(new JsonObject { ["subtype"] = "skill_evolution_should_review", ["input"] = new JsonObject() })
            .ControlRequest(new JsonObject { ["subtype"] = "resolve_session_artifacts", ["local_session_id"] = "s", ["cwd"] = "/tmp" })
            .Text("Done.")));
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        var recording = launch.ReadRecording();
        Assert.Equal(
            ["Unknown memory shouldGenerate callback: memory_should_generate_0", "Skill evolution shouldReview request missing callbackId", "No resolveSessionArtifacts callback configured"],
            recording.ControlAnswers.Select(a => a.GetProperty("error").GetString()));
        var artifactError = recording.FramesOfType("control_response").Select(f => f.GetProperty("response")).Last();
        Assert.Equal("resolve_session_artifacts_unavailable", artifactError.GetProperty("code").GetString());
    }
}
