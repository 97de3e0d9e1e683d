using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Tests.Hooks;
using Qoder.AgentSdk.Tests.Support;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary><see cref="QoderClientControlExtensions.GetMcpStatusAsync"/> against the stand-in, which reports its in-process servers.</summary>
public sealed class McpStatusStandInTests : IDisposable
{
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task GetMcpStatusAsync_reports_each_in_process_server_with_its_tools()
    {
        var launch = StandInLaunch.Prepare(QoderScenario.Create(), _work.Path);
        var options = StandInOptions.For(launch, _work.Path);
        options.SdkMcpServers["shop"] = new QoderSdkMcpServer()
            .AddTool((string sku) => "price of " + sku, "price", "Prices a product.", readOnly: true)
            .AddTool((string sku) => "stock of " + sku, "stock", "Counts the stock.");
        options.SdkMcpServers["echo"] = new QoderSdkMcpServer().AddTool((string text) => text, "echo", "Echoes text.");

        await using var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(StandInOptions.HangGuard);
        var servers = await client.GetMcpStatusAsync().WaitAsync(StandInOptions.HangGuard);

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
        var launch = StandInLaunch.Prepare(QoderScenario.Create(), _work.Path);

        await using var client = new QoderClient(StandInOptions.For(launch, _work.Path));
        await client.ConnectAsync().WaitAsync(StandInOptions.HangGuard);

        Assert.Empty(await client.GetMcpStatusAsync().WaitAsync(StandInOptions.HangGuard));
    }
}
