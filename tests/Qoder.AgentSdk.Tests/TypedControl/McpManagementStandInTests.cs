using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>MCP management requests (<see cref="QoderClientControlExtensions"/>) against the stand-in's in-process servers.</summary>
public sealed class McpManagementStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    [Fact]
    public async Task Toggle_and_reconnect_change_the_reported_status_and_unknown_names_are_refused()
    {
        var client = await ConnectWithEchoServerAsync();

        await client.ToggleMcpServerAsync("echo", enabled: false).WaitAsync(Guard);
        var disabled = Assert.Single(await client.GetMcpStatusAsync().WaitAsync(Guard));
        await client.ReconnectMcpServerAsync("echo").WaitAsync(Guard);
        var reconnected = Assert.Single(await client.GetMcpStatusAsync().WaitAsync(Guard));
        var error = await Assert.ThrowsAsync<QoderControlRequestException>(() => client.ToggleMcpServerAsync("nope", true).WaitAsync(Guard));

        Assert.Equal("disabled", disabled.Status);
        Assert.Equal("connected", reconnected.Status);
        Assert.Equal("mcp_toggle", error.Subtype);
        Assert.Contains("No MCP server registered with the name \"nope\"", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMcpServersAsync_reports_what_was_added_and_removed()
    {
        var client = await ConnectWithEchoServerAsync();
        var first = new Dictionary<string, QoderMcpServerConfig>
        {
            ["files"] = new() { Command = "files-server" },
            ["web"] = new() { Type = "http", Url = "http://127.0.0.1:9/mcp" },
        };

        var added = await client.SetMcpServersAsync(first).WaitAsync(Guard);
        var changed = await client.SetMcpServersAsync(new Dictionary<string, QoderMcpServerConfig> { ["web"] = first["web"] }).WaitAsync(Guard);

        Assert.Equal(["files", "web"], added.Added);
        Assert.Empty(added.Removed);
        Assert.Empty(added.Errors);
        Assert.Empty(changed.Added);
        Assert.Equal(["files"], changed.Removed);
    }

    [Fact]
    public async Task OAuth_requests_reach_a_known_server()
    {
        var client = await ConnectWithEchoServerAsync();

        var auth = await client.AuthenticateMcpServerAsync("echo", new Uri("http://localhost:1/callback")).WaitAsync(Guard);
        await client.SubmitMcpOAuthCallbackUrlAsync("echo", new Uri("http://localhost:1/callback?code=abc&state=s")).WaitAsync(Guard);
        await client.ClearMcpAuthAsync("echo").WaitAsync(Guard);

        Assert.True(auth.RequiresUserAction);
        Assert.Contains("server=echo", auth.AuthUrl, StringComparison.Ordinal);
        await Assert.ThrowsAsync<QoderControlRequestException>(() => client.ClearMcpAuthAsync("nope").WaitAsync(Guard));
    }

    private Task<QoderClient> ConnectWithEchoServerAsync()
    {
        var options = StandIn.Options(QoderScenario.Create());
        options.SdkMcpServers["echo"] = new QoderSdkMcpServer().AddTool((string text) => text, "echo", "Echoes text.");
        return StandIn.ConnectAsync(options);
    }
}
