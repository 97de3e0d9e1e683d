using System.Text.Json.Nodes;
using ModelContextProtocol;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary>In-process tools called by the scripted stand-in over mcp_message.</summary>
public sealed class McpStandInTests : StandInTestClass
{
    [Fact]
    public async Task The_agent_calls_an_in_process_tool_and_its_result_is_in_the_transcript()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
                .ToolUse("mcp__demo__echo", new JsonObject { ["text"] = "ping" })
                .ToolUse("mcp__demo__lookup", new JsonObject { ["sku"] = "missing" })
                .Text("All done.")));
        var launch = StandIn.LastLaunch!;
        var asked = new List<string>();
        options.CanUseTool = (request, _) =>
        {
            lock (asked)
            {
                asked.Add(request.ToolName);
            }

            return ValueTask.FromResult(QoderToolPermissionResult.Allow());
        };
        options.SdkMcpServers["demo"] = new QoderSdkMcpServer()
            .AddTool((string text) => "ECHO:" + text, "echo", "Echoes text.", readOnly: true)
            .AddTool(string (string sku) => throw new McpException($"No product {sku}."), "lookup", "Finds a product.");

        await using var client = await StandIn.ConnectAsync(options);
        Assert.Contains("mcp__demo__echo", client.InitMessage!.Tools);
        Assert.Contains("mcp__demo__lookup", client.InitMessage.Tools);
        var messages = await StandInHarness.TurnAsync(client, "echo ping");

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        var results = messages.ToolResults();
        Assert.Equal(2, results.Count);
        Assert.NotEqual(true, results[0].IsError);
        Assert.Contains("ECHO:ping", results[0].ContentText, StringComparison.Ordinal);
        Assert.True(results[1].IsError);
        Assert.Contains("No product missing.", results[1].ContentText, StringComparison.Ordinal);
        Assert.Equal(["mcp__demo__echo", "mcp__demo__lookup"], asked);
        var recording = launch.ReadRecording();
        Assert.DoesNotContain("--mcp-config", recording.Arguments);
        var initialize = recording.FramesOfType("control_request").Select(f => f.GetProperty("request"))
            .Single(r => r.GetProperty("subtype").GetString() == "initialize");
        Assert.Equal("""["demo"]""", initialize.GetProperty("sdkMcpServers").GetRawText());
    }

    [Fact]
    public async Task A_tool_resolves_a_service_from_the_server_services()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("mcp__shop__price", new JsonObject { ["sku"] = "A1" }).Text("Priced.")));
        options.PermissionMode = QoderPermissionMode.BypassPermissions;
        var services = new SingleServiceProvider(new PriceList());
        var shop = new QoderSdkMcpServer { Services = services };
        shop.AddTool((string sku, PriceList prices) => prices.Price(sku), "price", "Price of a product.");
        options.SdkMcpServers["shop"] = shop;

        var messages = await StandInHarness.QueryAsync("price A1", options);

        var result = messages.ToolResults().Single();
        Assert.Contains("A1 costs 42", result.ContentText, StringComparison.Ordinal);
    }
}
