using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Qoder.AgentSdk;

/// <summary>The sessions of a client's in-process MCP servers, started on the first <c>mcp_message</c> for each and stopped with the client.</summary>
internal sealed class SdkMcpServerHost(IDictionary<string, QoderSdkMcpServer> servers, ILoggerFactory? loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Session>> _sessions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Qoder.AgentSdk.QoderClient");
    private int _disposed;

    /// <summary>Answers <c>mcp_message</c> with <c>{"mcp_response": …}</c>.</summary>
    public async Task<JsonNode?> AnswerAsync(JsonElement request, CancellationToken cancellationToken)
    {
        var name = request.TryGetProperty("server_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is null || !servers.TryGetValue(name, out var definition))
        {
            throw new Control.ControlRequestRejectedException($"Unknown in-process MCP server: {name}");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!request.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw new Control.ControlRequestRejectedException($"The mcp_message for {name} has no message.");
        }

        var session = _sessions.GetOrAdd(name, key => new Lazy<Session>(() => Start(key, definition))).Value;
        var response = await session.Transport.ExchangeAsync(message, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["mcp_response"] = response };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var lazy in _sessions.Values.Where(l => l.IsValueCreated))
        {
            var session = lazy.Value;
            await session.Transport.DisposeAsync().ConfigureAwait(false);
            try
            {
                await session.Run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await session.Server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private Session Start(string name, QoderSdkMcpServer definition)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = name, Version = definition.Version },
            ServerInstructions = definition.Instructions,
            ToolCollection = [],
        };
        foreach (var tool in definition.Tools)
        {
            options.ToolCollection.Add(new BusinessErrorTool(tool, _logger));
        }

        var transport = new McpTunnelTransport();
        var server = McpServer.Create(transport, options, loggerFactory, definition.Services);
        return new Session(transport, server, server.RunAsync(_stopping.Token));
    }

    private sealed record Session(McpTunnelTransport Transport, McpServer Server, Task Run);
}
