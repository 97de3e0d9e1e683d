using System.Text.Json.Nodes;
using ModelContextProtocol;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Client;

/// <summary>A host callback's exception text never reaches the CLI (and so the model): it can hold secrets.</summary>
public sealed class HostErrorTextStandInTests : StandInTestClass
{
    private const string Secret = "Server=db;Password=hunter2";
    [Fact]
    public async Task A_throwing_permission_handler_denies_with_a_fixed_message()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "a.txt", ["content"] = "x" }).Text("Denied.")));
        var launch = StandIn.LastLaunch!;
        options.CanUseTool = (_, _) => throw new InvalidOperationException(Secret);

        var messages = await StandInHarness.QueryAsync("write", options);

        var toolResult = messages.ToolResults().Single();
        Assert.True(toolResult.IsError);
        Assert.Contains(HostCallbackError.Message, toolResult.ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", RecordedAnswers(launch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_hook_answers_the_cli_with_a_fixed_message()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.Text("Still fine.")));
        var launch = StandIn.LastLaunch!;
        options.Hooks.Add(QoderHookEvent.UserPromptSubmit, (_, _) => throw new InvalidOperationException(Secret));

        await StandInHarness.QueryAsync("hello", options);

        var error = launch.ReadRecording().FramesOfType("control_response").Select(f => f.GetProperty("response"))
            .Single(r => r.GetProperty("subtype").GetString() == "error");
        Assert.Equal(HostCallbackError.Message, error.GetProperty("error").GetString());
        Assert.DoesNotContain("hunter2", RecordedAnswers(launch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_mcp_tool_gives_the_model_a_fixed_message_but_an_McpException_keeps_its_own()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .ToolUse("mcp__demo__connect", new JsonObject())
            .ToolUse("mcp__demo__lookup", new JsonObject { ["sku"] = "missing" })
            .Text("Done.")));
        var launch = StandIn.LastLaunch!;
        options.PermissionMode = QoderPermissionMode.BypassPermissions;
        options.SdkMcpServers["demo"] = new QoderSdkMcpServer()
            .AddTool(string () => throw new InvalidOperationException(Secret), "connect", "Connects.")
            .AddTool(string (string sku) => throw new McpException($"No product {sku}."), "lookup", "Finds a product.");

        var messages = await StandInHarness.QueryAsync("go", options);

        var results = messages.ToolResults();
        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsError);
        Assert.Contains(HostCallbackError.Message, results[0].ContentText, StringComparison.Ordinal);
        Assert.True(results[1].IsError);
        Assert.Contains("No product missing.", results[1].ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", RecordedAnswers(launch), StringComparison.Ordinal);
    }

    private static string RecordedAnswers(StandInLaunch launch) =>
        string.Join('\n', launch.ReadRecording().FramesOfType("control_response").Select(f => f.GetRawText()));
}
