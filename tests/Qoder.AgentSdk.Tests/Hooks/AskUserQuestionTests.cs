using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Answering AskUserQuestion through the permission callback with the typed helper.</summary>
public sealed class AskUserQuestionTests : StandInTestClass
{
    [Fact]
    public async Task The_answers_go_back_as_updated_input_keyed_by_question_text()
    {
        var questions = new JsonObject
        {
            ["questions"] = new JsonArray(
                new JsonObject
                {
                    ["question"] = "Which database?",
                    ["header"] = "Database",
                    ["multiSelect"] = false,
                    ["options"] = new JsonArray(
                        new JsonObject { ["label"] = "Postgres", ["description"] = "Relational" },
                        new JsonObject { ["label"] = "SQLite", ["description"] = "Embedded" }),
                },
                new JsonObject
                {
                    ["question"] = "Which features?",
                    ["header"] = "Features",
                    ["multiSelect"] = true,
                    ["options"] = new JsonArray(
                        new JsonObject { ["label"] = "Auth", ["description"] = "Login" },
                        new JsonObject { ["label"] = "Billing", ["description"] = "Payments" },
                        new JsonObject { ["label"] = "Search", ["description"] = "Full text" }),
                }),
        };
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse(QoderUserQuestions.ToolName, questions, result: "answered").Text("Thanks.")));
        var launch = StandIn.LastLaunch!;
        QoderUserQuestions? parsed = null;
        options.CanUseTool = (request, _) =>
        {
            Assert.True(QoderUserQuestions.TryParse(request, out parsed));
            return ValueTask.FromResult(parsed.Answer(q => q.MultiSelect ? ["Auth", "Search"] : [q.Options[1].Label]));
        };

        var messages = await StandInHarness.QueryAsync("set up the app", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.NotNull(parsed);
        Assert.Equal(["Which database?", "Which features?"], parsed.Questions.Select(q => q.Question));
        Assert.Equal("Database", parsed.Questions[0].Header);
        Assert.Equal("Embedded", parsed.Questions[0].Options[1].Description);
        var ran = launch.ReadRecording().ToolExecutions.Single().Input;
        Assert.Equal("SQLite", ran.GetProperty("answers").GetProperty("Which database?").GetString());
        Assert.Equal("Auth, Search", ran.GetProperty("answers").GetProperty("Which features?").GetString());
        Assert.Equal(2, ran.GetProperty("questions").GetArrayLength());
    }
}
