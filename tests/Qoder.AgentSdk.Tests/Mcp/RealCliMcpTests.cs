using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Tests.RealCli;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary>An in-process MCP tool called by the real qodercli 1.1.52, offline (route A).</summary>
[Collection(RealCliGroup.Name)]
[Trait("Category", "RealCli")]
public sealed class RealCliMcpTests(RealCliFixture cli) : IDisposable
{
    private readonly RealCliFolders _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task The_scripted_model_calls_mcp_demo_echo_and_the_tool_result_carries_its_output()
    {
        var script = new FakeResponsesScript()
            .AddToolCall("mcp__demo__echo", new JsonObject { ["text"] = "ping" }, leadingText: "Echoing.")
            .AddToolCall("mcp__demo__fail", new JsonObject { ["reason"] = "quota exceeded" })
            .AddText("All done.");
        var options = cli.RouteA(_run, script);
        var asked = new ConcurrentQueue<string>();
        options.CanUseTool = (request, _) =>
        {
            asked.Enqueue(request.ToolName);
            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };
        options.SdkMcpServers["demo"] = new QoderSdkMcpServer()
            .AddTool((string text) => "ECHO:" + text, "echo", "Echoes the text back.", readOnly: true)
            .AddTool(string (string reason) => throw new McpException(reason), "fail", "Always fails: an McpException's message is meant for the model.");

        await using var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(RealCliFixture.HangGuard);
        await client.SendAsync("echo ping");
        var messages = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Contains("mcp__demo__echo", client.InitMessage!.Tools);
        var uses = messages.OfType<AssistantMessage>().SelectMany(m => m.Message.Content).OfType<ToolUseBlock>().ToList();
        var results = messages.ToolResults();
        var echo = results.Single(r => r.ToolUseId == uses.Single(u => u.Name == "mcp__demo__echo").Id);
        Assert.NotEqual(true, echo.IsError);
        Assert.Contains("ECHO:ping", echo.ContentText, StringComparison.Ordinal);
        var failed = results.Single(r => r.ToolUseId == uses.Single(u => u.Name == "mcp__demo__fail").Id);
        Assert.True(failed.IsError);
        Assert.Contains("quota exceeded", failed.ContentText, StringComparison.Ordinal);
        Assert.Contains("mcp__demo__echo", asked);
    }
}
