using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Qoder.RealCli.Testing;

/// <summary>
/// A loopback stand-in for the Qoder backend that qodercli 1.1.52 talks to (route B of
/// docs/protocol.md, Running the real CLI offline): PAT exchange, user info, endpoint election, user status and the SSE chat
/// stream. Replies are scripted in call order; a reply may be computed from the request (<see cref="EnqueueReply"/>).
/// </summary>
public sealed class QoderBackendMock : IAsyncDisposable
{
    /// <summary>The environment variable that points the CLI's center host (and through it every other host) at the mock.</summary>
    public const string CenterEndpointVariable = "QODER_CENTER_ENDPOINT";

    /// <summary>Text answered once the script has run out, so a surplus model call ends its turn instead of hanging.</summary>
    public const string ExhaustedScriptText = "(mock script exhausted)";

    /// <summary>Path of the chat stream; the CLI appends <c>?FetchKeys=…&amp;AgentId=…&amp;Encode=1</c>.</summary>
    public const string ChatPath = "/algo/api/v2/service/pro/sse/agent_chat_generation";

    /// <summary>Path of the personal-access-token exchange.</summary>
    public const string TokenExchangePath = "/api/v1/jobToken/exchange";

    /// <summary>Key of the single model the mock's catalog offers (scene <c>assistant</c>).</summary>
    public const string ModelKey = "mock-model";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedTurn> _turns = new();
    private readonly List<string> _requestLog = [];
    private readonly List<string> _personalTokens = [];
    private int _chatCalls;
    private int _toolCallCounter;
    private volatile bool _rejectTokenExchange;

    private QoderBackendMock(WebApplication app) => _app = app;

    /// <summary>Base address of the mock (<c>http://127.0.0.1:&lt;port&gt;/</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The base address without a trailing slash: the value for <see cref="CenterEndpointVariable"/> and the endpoint cache.</summary>
    public string Origin => Endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// When true, <c>/api/v1/jobToken/exchange</c> answers HTTP 401, which the CLI reports as
    /// <c>access_token_invalid</c>.
    /// </summary>
    public bool RejectTokenExchange
    {
        get => _rejectTokenExchange;
        set => _rejectTokenExchange = value;
    }

    /// <summary>
    /// Raised on each request's arrival, before it is answered, with its method and path (no query string): a benchmark
    /// takes its own timestamp here to see when the CLI made which call.
    /// </summary>
    public event Action<string>? RequestReceived;

    /// <summary>Method and path (no query string) of every request received, in arrival order.</summary>
    public IReadOnlyList<string> RequestLog
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestLog];
            }
        }
    }

    /// <summary>The <c>personal_token</c> values received at the token exchange, accepted or not.</summary>
    public IReadOnlyList<string> ReceivedPersonalTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _personalTokens];
            }
        }
    }

    /// <summary>Number of chat-stream calls answered so far, scripted or not.</summary>
    public int ChatCallCount => Volatile.Read(ref _chatCalls);

    /// <summary>Number of scripted turns not yet consumed.</summary>
    public int PendingTurnCount
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count;
            }
        }
    }

    /// <summary>Starts the mock on 127.0.0.1 with a port chosen by the OS.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running mock; dispose it to stop.</returns>
    public static async Task<QoderBackendMock> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // No logging at all: request bodies carry the PAT.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        var app = builder.Build();
        var mock = new QoderBackendMock(app);
        mock.MapRoutes();

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.Single();
        mock.Endpoint = new Uri(new Uri(address), "/");
        return mock;
    }

    /// <summary>
    /// Writes <c>&lt;home&gt;/.qoder/.cache/endpoint-cache.json</c> so that the CLI's very first
    /// requests already go to the mock (the cache is honoured for 24 h from <c>updatedAt</c>).
    /// </summary>
    /// <param name="homeDirectory">The <c>HOME</c> the CLI will run with.</param>
    public void SeedHome(string homeDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        var directory = Path.Combine(homeDirectory, ".qoder", ".cache");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "endpoint-cache.json"), EndpointCacheJson());
    }

    /// <summary>
    /// The content of <c>.cache/endpoint-cache.json</c> that points every host of the CLI at the mock. In SDK mode the CLI
    /// exchanges the access token before it asks the center for endpoints, so without this cache in its config directory
    /// that first request goes to the public host (which a machine online reaches, and an offline test does not).
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string EndpointCacheJson()
    {
        var origin = Origin;
        var entry = new JsonObject
        {
            ["endpoint"] = origin,
            ["inferEndpoints"] = new JsonArray(origin),
            ["securityEndpoint"] = origin,
            ["securityEndpoints"] = new JsonArray(origin),
            ["centerEndpoint"] = origin,
            ["centerEndpoints"] = new JsonArray(origin),
            ["openapiEndpoint"] = origin,
            ["openapiEndpoints"] = new JsonArray(origin),
            ["updatedAt"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var cache = new JsonObject
        {
            ["version"] = 1,
            ["entries"] = new JsonObject { ["prod"] = entry },
        };
        return cache.ToJsonString();
    }

    /// <summary>Scripts a plain text reply (finish reason <c>stop</c>).</summary>
    /// <param name="text">The assistant text.</param>
    /// <param name="usage">Token usage reported with the final chunk; a small default when null.</param>
    public void EnqueueText(string text, MockTokenUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Enqueue(new ScriptedTurn([text], [], usage));
    }

    /// <summary>Scripts a text reply streamed as one SSE event per chunk.</summary>
    /// <param name="chunks">The text pieces, in order.</param>
    /// <param name="usage">Token usage reported with the final chunk; a small default when null.</param>
    public void EnqueueTextChunks(IEnumerable<string> chunks, MockTokenUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        Enqueue(new ScriptedTurn([.. chunks], [], usage));
    }

    /// <summary>
    /// Scripts a text reply computed from the request it answers, so a test can show what the model was sent (for example
    /// that a resumed session carried an earlier turn's prompt).
    /// </summary>
    /// <param name="reply">Builds the assistant text from the decoded request.</param>
    public void EnqueueReply(Func<MockChatRequest, string> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Enqueue(new ScriptedTurn([], [], null) { Reply = reply });
    }

    /// <summary>Scripts a reply that calls one tool (finish reason <c>tool_calls</c>).</summary>
    /// <param name="toolName">The CLI's tool name, such as <c>Write</c> or <c>Bash</c>.</param>
    /// <param name="arguments">A JSON object: a <see cref="JsonNode"/>, JSON text or a serialisable object.</param>
    /// <param name="leadingText">Text streamed before the call, if any.</param>
    /// <param name="usage">Token usage reported with the final chunk; a small default when null.</param>
    /// <returns>The call id, which the CLI uses as <c>tool_use_id</c>.</returns>
    public string EnqueueToolCall(string toolName, object arguments, string? leadingText = null, MockTokenUsage? usage = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var id = "call_" + Interlocked.Increment(ref _toolCallCounter).ToString(CultureInfo.InvariantCulture);
        var call = new ScriptedToolCall(id, toolName, JsonArguments.ToNode(arguments));
        Enqueue(new ScriptedTurn(string.IsNullOrEmpty(leadingText) ? [] : [leadingText], [call], usage));
        return id;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Enqueue(ScriptedTurn turn)
    {
        lock (_gate)
        {
            _turns.Enqueue(turn);
        }
    }

    private ScriptedTurn Dequeue()
    {
        lock (_gate)
        {
            return _turns.TryDequeue(out var turn) ? turn : new ScriptedTurn([ExhaustedScriptText], [], null);
        }
    }

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            var request = context.Request.Method + " " + context.Request.Path.Value;
            RequestReceived?.Invoke(request);
            lock (_gate)
            {
                _requestLog.Add(request);
            }

            await next(context).ConfigureAwait(false);
        });

        _app.MapPost(TokenExchangePath, ExchangeTokenAsync);
        _app.MapGet("/api/v1/userinfo", () => Results.Json(new JsonObject
        {
            ["id"] = "mock-user",
            ["name"] = "Mock User",
            ["email"] = "mock-user@example.invalid",
        }));
        _app.MapGet("/algo/api/{version}/service/region/endpoints", (string version) =>
        {
            _ = version;
            return Results.Json(new JsonObject
            {
                ["centerNodes"] = new JsonArray(Origin),
                ["inferNodes"] = new JsonArray(Origin),
                ["security"] = new JsonArray(Origin),
                ["openapiNodes"] = new JsonArray(Origin),
            });
        });
        _app.MapGet("/api/v3/user/status", () => Results.Json(new JsonObject
        {
            ["featureSwitches"] = new JsonObject { ["allow_byok"] = 2 },
        }));
        // SDK mode with supportsCatalogReadyInitialize fails initialize with no_models_available on an empty catalog.
        _app.MapGet("/algo/api/v2/model/list", () => Results.Json(new JsonObject
        {
            ["assistant"] = new JsonArray(new JsonObject
            {
                ["key"] = ModelKey,
                ["display_name"] = "Mock Model",
                ["format"] = "openai",
                ["enable"] = true,
                ["is_default"] = true,
                ["max_input_tokens"] = 200000,
                ["max_output_tokens"] = 8192,
            }),
        }));
        _app.MapPost(ChatPath, StreamChatAsync);
        _app.MapFallback(() => Results.NotFound());
    }

    private async Task<IResult> ExchangeTokenAsync(HttpRequest request)
    {
        string? personalToken = null;
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            personalToken = body?["personal_token"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            // A body the mock cannot read is answered like a missing token.
        }

        if (personalToken is not null)
        {
            lock (_gate)
            {
                _personalTokens.Add(personalToken);
            }
        }

        if (_rejectTokenExchange || string.IsNullOrEmpty(personalToken))
        {
            return Results.Json(
                new JsonObject { ["errorMessage"] = "invalid personal access token" },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Json(new JsonObject
        {
            ["token"] = "mock-job-token",
            ["refresh_token"] = "mock-refresh-token",
            ["expires_in"] = 86400,
            ["refresh_token_expires_in"] = 864000,
        });
    }

    private async Task StreamChatAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(aborted).ConfigureAwait(false);
        Interlocked.Increment(ref _chatCalls);
        var turn = Dequeue();
        if (turn.Reply is not null)
        {
            turn = turn with { TextChunks = [turn.Reply(MockChatRequest.Decode(body))] };
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        var first = true;
        foreach (var chunk in turn.TextChunks)
        {
            var delta = new JsonObject { ["content"] = chunk };
            if (first)
            {
                delta["role"] = "assistant";
                first = false;
            }

            await WriteEventAsync(response, Chunk(delta), aborted).ConfigureAwait(false);
        }

        for (var index = 0; index < turn.ToolCalls.Count; index++)
        {
            var call = turn.ToolCalls[index];
            var delta = new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = index,
                    ["id"] = call.Id,
                    ["type"] = "function",
                    ["function"] = new JsonObject
                    {
                        ["name"] = call.Name,
                        ["arguments"] = call.Arguments.ToJsonString(),
                    },
                }),
            };
            if (first)
            {
                delta["role"] = "assistant";
                first = false;
            }

            await WriteEventAsync(response, Chunk(delta), aborted).ConfigureAwait(false);
        }

        var usage = turn.Usage ?? new MockTokenUsage(10, 5);
        var final = Chunk(new JsonObject(), turn.ToolCalls.Count > 0 ? "tool_calls" : "stop");
        final["usage"] = new JsonObject
        {
            ["prompt_tokens"] = usage.PromptTokens,
            ["completion_tokens"] = usage.CompletionTokens,
            ["total_tokens"] = usage.TotalTokens,
        };
        await WriteEventAsync(response, final, aborted).ConfigureAwait(false);
        await WriteRawAsync(response, "data: [DONE]\n\n", aborted).ConfigureAwait(false);
    }

    private static JsonObject Chunk(JsonObject delta, string? finishReason = null)
    {
        var choice = new JsonObject { ["index"] = 0, ["delta"] = delta };
        if (finishReason is not null)
        {
            choice["finish_reason"] = finishReason;
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-mock",
            ["object"] = "chat.completion.chunk",
            ["model"] = "mock-model",
            ["choices"] = new JsonArray(choice),
        };
    }

    private static Task WriteEventAsync(HttpResponse response, JsonObject chunk, CancellationToken cancellationToken)
    {
        // The real backend wraps each OpenAI chunk as a JSON string inside a status envelope.
        var envelope = new JsonObject
        {
            ["statusCodeValue"] = 200,
            ["statusCode"] = "OK",
            ["body"] = chunk.ToJsonString(),
        };
        return WriteRawAsync(response, "data: " + envelope.ToJsonString() + "\n\n", cancellationToken);
    }

    private static async Task WriteRawAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
