using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary><see cref="QoderClientControlExtensions.GetMcpStatusAsync"/> against the stand-in, which reports its in-process servers.</summary>
public sealed class McpStatusStandInTests : StandInTestClass
{
    [Fact]
    public async Task GetMcpStatusAsync_reports_each_in_process_server_with_its_tools()
    {
        var options = StandIn.Options(QoderScenario.Create());
        options.SdkMcpServers["shop"] = new QoderSdkMcpServer()
            .AddTool((string sku) => "price of " + sku, "price", "Prices a product.", readOnly: true)
            .AddTool((string sku) => "stock of " + sku, "stock", "Counts the stock.");
        options.SdkMcpServers["echo"] = new QoderSdkMcpServer().AddTool((string text) => text, "echo", "Echoes text.");

        var client = await StandIn.ConnectAsync(options);
        var servers = await client.GetMcpStatusAsync().WaitAsync(StandInHarness.HangGuard);

        Assert.Equal(["echo", "shop"], servers.Select(s => s.Name).Order(StringComparer.Ordinal));
        var shop = servers.Single(s => s.Name == "shop");
        Assert.Equal("connected", shop.Status);
        Assert.Null(shop.Error);
        Assert.Equal(["price", "stock"], shop.Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("sdk", shop.Config!.Value.GetProperty("type").GetString());
        Assert.Equal(["echo"], servers.Single(s => s.Name == "echo").Tools.Select(t => t.Name));
    }

    [Fact]
    public async Task GetMcpStatusAsync_without_servers_is_empty()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        Assert.Empty(await client.GetMcpStatusAsync().WaitAsync(StandInHarness.HangGuard));
    }
}
