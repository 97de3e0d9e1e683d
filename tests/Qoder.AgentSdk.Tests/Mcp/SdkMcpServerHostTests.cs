using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Qoder.AgentSdk.Control;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary>The mcp_message tunnel against the stock MCP server, message by message as the CLI sends them.</summary>
public sealed class SdkMcpServerHostTests : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SdkMcpServerHost _host;

    public SdkMcpServerHostTests()
    {
        var demo = new QoderSdkMcpServer()
            .AddTool([Description("Echoes the text back.")] (string text) => "ECHO:" + text, "echo", readOnly: true)
            .AddTool((string reason) => ThrowBusinessError(reason), "fail", "Always fails.")
            .AddTool(
                async (CancellationToken token) =>
                {
                    await using var registration = token.Register(() => _slowCancelled.TrySetResult());
                    _slowStarted.TrySetResult();
                    await Task.Delay(Timeout.Infinite, token);
                    return "never";
                },
                "slow");
        _host = new SdkMcpServerHost(new Dictionary<string, QoderSdkMcpServer> { ["demo"] = demo }, null);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_cli_handshake_lists_the_tools_and_a_call_returns_content()
    {
        var init = await SendAsync("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"qodercli-sdk-bridge","version":"1.1.52"}}}""");
        var initialized = await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        var list = await SendAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""");
        var call = await SendAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"ping"},"_meta":{"progressToken":"p1"}}}""");

        Assert.Equal(0, init["id"]!.GetValue<int>());
        Assert.Equal("2025-11-25", init["result"]!["protocolVersion"]!.GetValue<string>());
        Assert.Equal("demo", init["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.NotNull(init["result"]!["capabilities"]!["tools"]);
        Assert.Equal("""{"jsonrpc":"2.0"}""", initialized.ToJsonString());
        var tools = list["result"]!["tools"]!.AsArray();
        Assert.Equal(["echo", "fail", "slow"], tools.Select(t => t!["name"]!.GetValue<string>()));
        var echo = tools[0]!;
        Assert.Equal("Echoes the text back.", echo["description"]!.GetValue<string>());
        Assert.Equal("string", echo["inputSchema"]!["properties"]!["text"]!["type"]!.GetValue<string>());
        Assert.True(echo["annotations"]!["readOnlyHint"]!.GetValue<bool>());
        Assert.Equal(2, call["id"]!.GetValue<int>());
        Assert.Equal("""[{"type":"text","text":"ECHO:ping"}]""", call["result"]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task A_tool_that_throws_an_McpException_gives_an_error_result_with_its_message()
    {
        await HandshakeAsync();

        var call = await SendAsync("""{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"fail","arguments":{"reason":"quota exceeded"}}}""");

        Assert.True(call["result"]!["isError"]!.GetValue<bool>());
        Assert.Equal("quota exceeded", call["result"]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_methods_are_json_rpc_errors_and_unknown_servers_are_control_errors()
    {
        await HandshakeAsync();

        var unknown = await SendAsync("""{"jsonrpc":"2.0","id":7,"method":"resources/list","params":{}}""");
        var ping = await SendAsync("""{"jsonrpc":"2.0","id":8,"method":"ping"}""");
        var error = await Assert.ThrowsAsync<ControlRequestRejectedException>(() => _host.AnswerAsync(Request("other", """{"jsonrpc":"2.0","id":1,"method":"ping"}"""), CancellationToken.None));

        Assert.Equal(-32601, unknown["error"]!["code"]!.GetValue<int>());
        Assert.Equal(7, unknown["id"]!.GetValue<int>());
        Assert.NotNull(ping["result"]);
        Assert.Equal("Unknown in-process MCP server: other", error.Message);
    }

    [Fact]
    public async Task Cancelling_the_control_request_cancels_the_tool()
    {
        await HandshakeAsync();
        using var cts = new CancellationTokenSource();

        var call = _host.AnswerAsync(Request("demo", """{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"slow","arguments":{}}}"""), cts.Token);
        await _slowStarted.Task.WaitAsync(Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
        await _slowCancelled.Task.WaitAsync(Guard);
        var after = await SendAsync("""{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"echo","arguments":{"text":"again"}}}""");
        Assert.Equal("ECHO:again", after["result"]!["content"]![0]!["text"]!.GetValue<string>());
    }

    private static string ThrowBusinessError(string reason) => throw new McpException(reason);

    private static JsonElement Request(string server, string message) =>
        JsonSerializer.SerializeToElement(new JsonObject { ["subtype"] = "mcp_message", ["server_name"] = server, ["message"] = JsonNode.Parse(message) });

    private async Task HandshakeAsync()
    {
        await SendAsync("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"qodercli-sdk-bridge","version":"1.1.52"}}}""");
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
    }

    private async Task<JsonNode> SendAsync(string message)
    {
        var body = await _host.AnswerAsync(Request("demo", message), CancellationToken.None).WaitAsync(Guard);
        return Assert.IsType<JsonObject>(body)["mcp_response"]!;
    }
}
