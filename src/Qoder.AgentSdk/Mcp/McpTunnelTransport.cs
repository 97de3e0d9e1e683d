using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// The MCP transport of one in-process server: messages arrive as <c>mcp_message</c> control requests and each request's
/// response goes back as that control request's <c>mcp_response</c>. The tunnel has no way to reach the CLI on its own,
/// so server notifications are dropped and server-to-client requests are answered at once with an error.
/// </summary>
internal sealed class McpTunnelTransport : ITransport
{
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>();
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonRpcMessage>> _pending = new();

    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => _incoming.Reader;

    /// <summary>Delivers one message from the CLI and returns the <c>mcp_response</c>: the server's response to a request, <c>{"jsonrpc":"2.0"}</c> for anything else.</summary>
    public async Task<JsonNode?> ExchangeAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var parsed = message.Deserialize(MessageType) ?? throw new JsonException("The mcp_message has no JSON-RPC message.");
        if (parsed is not JsonRpcRequest request)
        {
            await _incoming.Writer.WriteAsync(parsed, cancellationToken).ConfigureAwait(false);
            return new JsonObject { ["jsonrpc"] = "2.0" };
        }

        var answer = new TaskCompletionSource<JsonRpcMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(request.Id, answer))
        {
            return ErrorResponse(request.Id, McpErrorCode.InvalidRequest, $"Request id {request.Id} is already in use.");
        }

        try
        {
            await _incoming.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            var response = await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToNode(response, MessageType);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _incoming.Writer.TryWrite(new JsonRpcNotification
            {
                Method = NotificationMethods.CancelledNotification,
                Params = new JsonObject { ["requestId"] = JsonSerializer.SerializeToNode(request.Id, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(RequestId))), ["reason"] = "The CLI withdrew the request." },
            });
            throw;
        }
        finally
        {
            _pending.TryRemove(request.Id, out _);
        }
    }

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        switch (message)
        {
            case JsonRpcResponse or JsonRpcError when _pending.TryGetValue(((JsonRpcMessageWithId)message).Id, out var answer):
                answer.TrySetResult(message);
                break;
            case JsonRpcRequest request:
                _incoming.Writer.TryWrite(new JsonRpcError
                {
                    Id = request.Id,
                    Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.MethodNotFound, Message = $"'{request.Method}' cannot reach the client through the in-process tunnel." },
                });
                break;
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        foreach (var answer in _pending.Values)
        {
            answer.TrySetCanceled();
        }

        return ValueTask.CompletedTask;
    }

    private static JsonObject ErrorResponse(RequestId id, McpErrorCode code, string message) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = JsonSerializer.SerializeToNode(id, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(RequestId))),
        ["error"] = new JsonObject { ["code"] = (int)code, ["message"] = message },
    };
}
