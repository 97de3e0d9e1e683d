using System.Text.Json.Nodes;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Testing;

namespace Qoder.Samples.ModelSelection.Tests;

/// <summary>The model-selection sample on the stand-in: it reads the catalog, picks a model and answers get_model_policy in pull mode.</summary>
public sealed class ModelSelectionSampleTests : StandInTestClass
{
    [Fact]
    public async Task The_sample_reads_the_catalog_picks_the_largest_context_and_the_turn_runs_on_it()
    {
        var scenario = QoderScenario.Create().WithModel("auto").Turn(t => t.Text("A context window is what the model can read at once."));
        scenario.Models.Add(new JsonObject { ["value"] = "auto", ["displayName"] = "Auto", ["description"] = "", ["isDefault"] = true, ["maxInputTokens"] = 128000 });
        scenario.Models.Add(new JsonObject { ["value"] = "ultimate", ["displayName"] = "Ultimate", ["description"] = "", ["maxInputTokens"] = 1000000 });
        scenario.Models.Add(new JsonObject { ["value"] = "lite", ["displayName"] = "Lite", ["description"] = "", ["maxInputTokens"] = 32000 });
        var options = StandIn.Options(scenario, o => o.Auth = QoderAuth.AccessToken("pt-sample-test-token"));
        var launch = StandIn.LastLaunch!;
        var picker = new ModelPicker();
        using var output = new StringWriter();

        var result = await ModelSelectionDemo.RunAsync(options, "What is a context window?", picker, output).WaitAsync(StandInHarness.HangGuard);

        Assert.NotNull(result);
        Assert.False(result.IsError);
        var text = output.ToString();
        Assert.Contains("3 models available:", text, StringComparison.Ordinal);
        Assert.Contains("auto (Auto, default, 128,000 input tokens)", text, StringComparison.Ordinal);
        Assert.Contains("Conversation model: ultimate", text, StringComparison.Ordinal);
        Assert.Contains("[ultimate] A context window is what the model can read at once.", text, StringComparison.Ordinal);
        Assert.Equal(["main → ultimate"], picker.Decisions);
        var recording = launch.ReadRecording();
        Assert.True(recording.FramesOfType("control_request")[0].GetProperty("request").GetProperty("modelPolicyProvider").GetBoolean());
        Assert.Equal("ultimate", recording.ModelPolicies.Single().GetProperty("model").GetString());
    }

    [Fact]
    public void Side_calls_keep_the_default_and_a_preferred_model_wins_for_the_conversation()
    {
        IReadOnlyList<CatalogModel> catalog =
        [
            new("auto", "Auto", IsDefault: true, 128000),
            new("ultimate", "Ultimate", IsDefault: false, 1000000),
            new("lite", "Lite", IsDefault: false, null),
        ];
        var picker = new ModelPicker { Preferred = "lite" };

        Assert.Equal("auto", picker.Pick(catalog, "title")?.Value);
        Assert.Equal("lite", picker.Pick(catalog, "main")?.Value);
        Assert.Equal("ultimate", new ModelPicker().Pick(catalog, "main")?.Value);
        Assert.Null(picker.Pick([], "main"));
    }
}
