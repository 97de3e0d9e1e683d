using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Testing.Internal;

/// <summary>The stand-in's session: reads stdin, answers control requests, plays turns and faults.</summary>
internal sealed partial class StandInSession : IDisposable
{
    private static readonly HashSet<string> ReadOnlyTools = new(StringComparer.Ordinal)
    {
        "Read", "Glob", "Grep", "LS", "TaskCreate", "TaskGet", "TaskList", "TaskUpdate", "TodoWrite", "WebSearch",
    };

    private static readonly HashSet<string> EditTools = new(StringComparer.Ordinal) { "Write", "Edit", "MultiEdit", "NotebookEdit" };

    private static readonly HashSet<string> WireModes = new(StringComparer.Ordinal)
    {
        "default", "acceptEdits", "bypassPermissions", "plan", "dontAsk", "auto",
    };

    private readonly CliArguments _args;
    private readonly QoderScenario _scenario;
    private readonly Stream _stdin;
    private readonly LineWriter _out;
    private readonly Stream _stderr;
    private readonly IReadOnlyDictionary<string, string?> _env;
    private readonly RecordWriter? _record;
    private readonly string _cwd;
    private readonly bool _sdkMode;
    private readonly bool _promptStdio;
    private readonly int _maxTurns;
    private readonly string _sessionId;
    private readonly bool _resumed;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ControlAnswer>> _pendingOut = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly LinkedList<WorkItem> _queue = new();
    private readonly SemaphoreSlim _work = new(0);
    private readonly HashSet<string> _seenUuids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HookRegistration>> _hooks = new(StringComparer.Ordinal);
    private readonly List<McpServer> _mcpServers = [];

    private string _model;
    private string _permissionMode;
    private bool _partial;
    private InitState _initState;
    private TaskCompletionSource _initGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _initCts;
    private CancellationTokenSource? _turnCts;
    private volatile bool _waitingForInterrupt;
    private volatile bool _stdinClosed;
    private volatile bool _hung;
    private bool _sessionStarted;
    private int _turnIndex;
    private int _lineNumber;
    private string? _authPayloadType;

    public StandInSession(
        CliArguments args, QoderScenario scenario, Stream stdin, Stream stdout, Stream stderr,
        IReadOnlyDictionary<string, string?> environment, RecordWriter? record, string cwd, string permissionMode, CancellationToken ct)
    {
        _args = args;
        _scenario = scenario;
        _stdin = stdin;
        _out = new LineWriter(stdout);
        _stderr = stderr;
        _env = environment;
        _record = record;
        _cwd = cwd;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _sdkMode = !string.IsNullOrEmpty(environment.GetValueOrDefault("QODER_AGENT_SDK_ENTRYPOINT"));
        _promptStdio = args.Get("permission-prompt-tool") == "stdio";
        _partial = args.Has("include-partial-messages");
        _maxTurns = int.TryParse(args.Get("max-turns"), out var max) && max > 0 ? max : 0;
        _model = args.Get("model") ?? scenario.Model;
        _permissionMode = permissionMode;
        var resume = args.Get("resume");
        _resumed = !string.IsNullOrEmpty(resume);
        _sessionId = args.Get("session-id")
            ?? (_resumed && !args.Has("fork-session") ? resume! : null)
            ?? scenario.SessionId
            ?? Wire.NewId();
        if (_resumed && args.Has("fork-session") && scenario.SessionId == resume)
        {
            _sessionId = Wire.NewId();
        }
    }

    private enum InitState
    {
        None,
        Running,
        Done,
    }

    public async Task<int> RunAsync()
    {
        using (_lifetime.Token.Register(() => RequestExit(130, "cancelled")))
        {
            // Started inline, not through Task.Run: each pool hop before system/init costs a thread wake-up (or creation) at start-up.
            // StartAsync returns at its first real await; reading stdin offloads itself.
            _ = StartAsync();
            var code = await _exit.Task.ConfigureAwait(false);
            _out.Close();
            await _lifetime.CancelAsync().ConfigureAwait(false);
            return code;
        }
    }

    private async Task StartAsync()
    {
        try
        {
            await PlayStepsAsync(_scenario.Startup, null, _lifetime.Token).ConfigureAwait(false);
            if (!_exit.Task.IsCompleted && (!_sdkMode || await AuthenticateAsync().ConfigureAwait(false)))
            {
                _ = WorkLoopAsync();

                // Blocking reads on a thread of their own: stdin has no truly asynchronous read, and a thread-pool
                // thread blocked in it would leave a one-CPU machine without a thread to write system/init until the
                // pool grows (about half a second).
                new Thread(ReadLoop) { IsBackground = true, Name = "stand-in stdin" }.Start();
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        _work.Dispose();
        _out.Dispose();
    }

    private void RequestExit(int code, string reason)
    {
        if (_exit.TrySetResult(code))
        {
            _out.Close();
            _record?.Write("exit", new JsonObject { ["reason"] = reason, ["code"] = code });
        }
    }

    // Never returns: the caller's work ends with the process.
    private async Task StopHereAsync()
    {
        await Task.Delay(Timeout.Infinite, _lifetime.Token).ConfigureAwait(false);
    }

    private Task WriteAsync(JsonObject message) => _hung ? Task.CompletedTask : _out.WriteAsync(message);

    private JsonObject Stamp(JsonObject message)
    {
        message["uuid"] = Wire.NewId();
        message["session_id"] = _sessionId;
        return message;
    }

    private async Task WriteStderrAsync(string text)
    {
        try
        {
            await _stderr.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            await _stderr.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The host closed its end of stderr.
        }
    }

    // ---------------------------------------------------------------- auth

    private async Task<bool> AuthenticateAsync()
    {
        var path = _env.GetValueOrDefault("QODER_SDK_AUTH_PAYLOAD_FILE");
        if (string.IsNullOrEmpty(path))
        {
            return await FailAuthAsync("auth_payload_missing", "SDK mode requires QODER_SDK_AUTH_PAYLOAD_FILE", 41).ConfigureAwait(false);
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await FailAuthAsync("auth_payload_invalid", "SDK auth payload file not found", 41).ConfigureAwait(false);
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The real CLI also carries on when it cannot unlink the payload.
        }

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return await FailAuthAsync("auth_payload_invalid", "SDK auth payload is not valid JSON", 41).ConfigureAwait(false);
        }

        if (payload is not JsonObject obj)
        {
            return await FailAuthAsync("auth_payload_invalid", "SDK auth payload must be a JSON object", 41).ConfigureAwait(false);
        }

        _authPayloadType = Wire.Str(obj["type"]);
        _record?.Write("auth", new JsonObject { ["payload_type"] = _authPayloadType });
        var error = _authPayloadType switch
        {
            "accessToken" => string.IsNullOrEmpty(Wire.Str(obj["accessToken"])) ? "accessToken payload missing or empty accessToken field" : null,
            "qodercli" => null,
            "jobToken" => Wire.Str(obj["jobTokenProvider"]) == "host" ? null : "jobToken payload requires jobTokenProvider: \"host\"",
            "serviceAccount" => (obj["serviceAccountKey"] is null) == (Wire.Str(obj["serviceAccountTokenProvider"]) != "host")
                ? "serviceAccount payload requires exactly one credential source"
                : null,
            _ => $"Unknown auth payload type: {_authPayloadType}",
        };
        if (error is not null)
        {
            return await FailAuthAsync("auth_payload_invalid", error, 41).ConfigureAwait(false);
        }

        if (_scenario.AuthFailure is { } failure)
        {
            return await FailAuthAsync(failure.TerminalReason, failure.Message, failure.ExitCode).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> FailAuthAsync(string reason, string message, int exitCode)
    {
        await WriteAsync(Wire.FatalResult(_sessionId, message, reason)).ConfigureAwait(false);
        RequestExit(exitCode, "auth_failure");
        return false;
    }

    // ---------------------------------------------------------------- stdin

    private void ReadLoop()
    {
        var buffer = new byte[64 * 1024];
        var line = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (!_lifetime.IsCancellationRequested)
            {
                var read = _stdin.Read(buffer);
                if (read == 0)
                {
                    if (line.WrittenCount > 0)
                    {
                        ProcessLineAsync(line.WrittenMemory).GetAwaiter().GetResult();
                    }

                    OnEof();
                    return;
                }

                var span = buffer.AsMemory(0, read);
                int newline;
                while ((newline = span.Span.IndexOf((byte)'\n')) >= 0)
                {
                    line.Write(span.Span[..newline]);
                    ProcessLineAsync(line.WrittenMemory).GetAwaiter().GetResult();
                    line.ResetWrittenCount();
                    span = span[(newline + 1)..];
                }

                line.Write(span.Span);
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            OnEof();
        }
        catch (Exception ex)
        {
            // An exception escaping a thread would end the host process, which in-process is the test run itself.
            WriteStderrAsync($"stand-in: reading stdin failed: {ex}\n").GetAwaiter().GetResult();
            RequestExit(70, "stdin_reader_failed");
        }
    }

    private async Task ProcessLineAsync(ReadOnlyMemory<byte> bytes)
    {
        _lineNumber++;
        if (_hung || _exit.Task.IsCompleted)
        {
            return;
        }

        var raw = Encoding.UTF8.GetString(bytes.Span);
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            _record?.Write("stdin_invalid", new JsonObject { ["line"] = _lineNumber, ["chars"] = raw.Length });
            await WriteAsync(Wire.FatalResult(_sessionId, $"API Error: invalid_stream_json: stream-json input line {_lineNumber} ({raw.Length} chars)", null))
                .ConfigureAwait(false);
            RequestExit(1, "invalid_stream_json");
            return;
        }

        _record?.Write("stdin", new JsonObject { ["frame"] = node?.DeepClone() });
        if (node is not JsonObject frame)
        {
            return;
        }

        switch (Wire.Str(frame["type"]))
        {
            case "user":
                await OnUserAsync(frame).ConfigureAwait(false);
                break;
            case "control_request":
                await OnControlRequestAsync(frame).ConfigureAwait(false);
                break;
            case "control_response":
                OnControlResponse(frame);
                break;
            default:
                break;
        }
    }

    private void OnEof()
    {
        if (_hung)
        {
            return;
        }

        _stdinClosed = true;
        foreach (var pending in _pendingOut)
        {
            pending.Value.TrySetResult(ControlAnswer.Failure("Permission channel closed"));
        }

        if (_waitingForInterrupt)
        {
            _turnCts?.Cancel();
        }

        _work.Release();
    }

    private async Task OnUserAsync(JsonObject frame)
    {
        var uuid = Wire.Str(frame["uuid"]);
        if (_sdkMode && _initState != InitState.Done)
        {
            await LifecycleAsync(uuid, "queued").ConfigureAwait(false);
            await WriteAsync(Wire.FatalResult(_sessionId, "initialize_required: user message received before successful initialize", "initialize_required", 500))
                .ConfigureAwait(false);
            await LifecycleAsync(uuid, "cancelled").ConfigureAwait(false);
            RequestExit(1, "initialize_required");
            return;
        }

        if (uuid is not null)
        {
            bool duplicate;
            lock (_gate)
            {
                duplicate = !_seenUuids.Add(uuid);
            }

            if (duplicate)
            {
                await LifecycleAsync(uuid, "completed").ConfigureAwait(false);
                return;
            }
        }

        await LifecycleAsync(uuid, "queued").ConfigureAwait(false);
        Enqueue(new WorkItem(frame, uuid, null, null));
    }

    private void Enqueue(WorkItem item)
    {
        lock (_gate)
        {
            _queue.AddLast(item);
        }

        _work.Release();
    }

    private Task LifecycleAsync(string? uuid, string state) =>
        uuid is null
            ? Task.CompletedTask
            : WriteAsync(Stamp(new JsonObject { ["type"] = "command_lifecycle", ["command_uuid"] = uuid, ["state"] = state }));

    // ---------------------------------------------------------------- control

    private async Task OnControlRequestAsync(JsonObject frame)
    {
        // The CLI validates the envelope strictly and silently drops anything else.
        if (HasUnknownEnvelopeKey(frame)
            || Wire.Str(frame["request_id"]) is not { } requestId
            || frame["request"] is not JsonObject request
            || (frame.ContainsKey("session_id") && string.IsNullOrEmpty(Wire.Str(frame["session_id"]))))
        {
            return;
        }

        var subtype = Wire.Str(request["subtype"]) ?? Wire.Str(request["type"]);
        if (string.IsNullOrEmpty(subtype))
        {
            return;
        }

        switch (subtype)
        {
            case "initialize":
                if (_initState != InitState.None)
                {
                    await RespondErrorAsync(requestId, "Already initialized").ConfigureAwait(false);
                    return;
                }

                _initState = InitState.Running;
                _initGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                // Inline up to its first await (an unscripted initialize completes synchronously); the read loop resumes then.
                _ = InitializeAsync(requestId, request);
                break;
            case "interrupt":
                await InterruptAsync(requestId, request).ConfigureAwait(false);
                break;
            case "set_permission_mode":
                await SetPermissionModeAsync(requestId, request).ConfigureAwait(false);
                break;
            case "set_model":
                if (!request.ContainsKey("model"))
                {
                    await RespondErrorAsync(requestId, "missing model").ConfigureAwait(false);
                    return;
                }

                var model = Wire.Str(request["model"]);
                _model = string.IsNullOrEmpty(model) ? _args.Get("model") ?? _scenario.Model : model;
                await RespondSuccessAsync(requestId, null).ConfigureAwait(false);
                break;
            case "cancel_async_message":
                await CancelAsyncMessageAsync(requestId, request).ConfigureAwait(false);
                break;
            default:
                Enqueue(new WorkItem(null, null, requestId, request));
                break;
        }
    }

    private static bool HasUnknownEnvelopeKey(JsonObject frame)
    {
        foreach (var property in frame)
        {
            if (property.Key is not ("type" or "request_id" or "request" or "session_id"))
            {
                return true;
            }
        }

        return false;
    }

    private void OnControlResponse(JsonObject frame)
    {
        if (frame["response"] is not JsonObject response || Wire.Str(response["request_id"]) is not { } id
            || !_pendingOut.TryRemove(id, out var pending))
        {
            return;
        }

        pending.TrySetResult(Wire.Str(response["subtype"]) == "success"
            ? ControlAnswer.Success(response["response"] as JsonObject)
            : ControlAnswer.Failure(Wire.Str(response["error"]) ?? "Unknown error"));
    }

    private Task RespondSuccessAsync(string requestId, JsonObject? body)
    {
        var response = new JsonObject { ["subtype"] = "success", ["request_id"] = requestId };
        if (body is not null)
        {
            response["response"] = body;
        }

        return WriteAsync(new JsonObject { ["type"] = "control_response", ["response"] = response });
    }

    private Task RespondErrorAsync(string requestId, string error) =>
        WriteAsync(new JsonObject
        {
            ["type"] = "control_response",
            ["response"] = new JsonObject { ["subtype"] = "error", ["request_id"] = requestId, ["error"] = error },
        });

    private async Task<ControlAnswer> RequestAsync(JsonObject request, CancellationToken ct, bool cancelOnWire = false, TimeSpan? timeout = null)
    {
        var id = Wire.NewId();
        var tcs = new TaskCompletionSource<ControlAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingOut[id] = tcs;
        if (_stdinClosed)
        {
            _pendingOut.TryRemove(id, out _);
            return ControlAnswer.Failure("Permission channel closed");
        }

        await WriteAsync(new JsonObject { ["type"] = "control_request", ["request_id"] = id, ["request"] = request }).ConfigureAwait(false);
        try
        {
            return await tcs.Task.WaitAsync(timeout ?? Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _pendingOut.TryRemove(id, out _);
            return ControlAnswer.Failure("timeout");
        }
        catch (OperationCanceledException)
        {
            _pendingOut.TryRemove(id, out _);
            if (cancelOnWire && !_lifetime.IsCancellationRequested)
            {
                await WriteAsync(new JsonObject { ["type"] = "control_cancel_request", ["request_id"] = id }).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task InterruptAsync(string requestId, JsonObject request)
    {
        var cancelQueued = Wire.Bool(request["cancel_queued"]) == true;
        List<string> queued;
        lock (_gate)
        {
            queued = [.. _queue.Where(i => i.Uuid is not null).Select(i => i.Uuid!)];
            if (cancelQueued)
            {
                var node = _queue.First;
                while (node is not null)
                {
                    var next = node.Next;
                    if (node.Value.Uuid is not null)
                    {
                        _queue.Remove(node);
                    }

                    node = next;
                }
            }
        }

        var body = new JsonObject { ["still_queued"] = cancelQueued ? new JsonArray() : ToArray(queued) };
        if (cancelQueued)
        {
            body["cancelled"] = ToArray(queued);
        }

        await RespondSuccessAsync(requestId, body).ConfigureAwait(false);
        if (cancelQueued)
        {
            foreach (var uuid in queued)
            {
                await LifecycleAsync(uuid, "cancelled").ConfigureAwait(false);
            }
        }

        if (_initState == InitState.Running)
        {
            _initCts?.Cancel();
        }

        _turnCts?.Cancel();
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    // A plain loop: LINQ over these start-up arrays costs JIT time before system/init.
    private static JsonArray ToArray(string[] values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)value);
        }

        return array;
    }

    private async Task SetPermissionModeAsync(string requestId, JsonObject request)
    {
        var mode = Wire.Str(request["mode"]);
        if (mode is null)
        {
            await RespondErrorAsync(requestId, "missing mode").ConfigureAwait(false);
            return;
        }

        if (!WireModes.Contains(mode))
        {
            await RespondErrorAsync(requestId, $"unknown permission_mode: {mode}").ConfigureAwait(false);
            return;
        }

        _permissionMode = mode;
        await WriteAsync(Stamp(new JsonObject { ["type"] = "system", ["subtype"] = "status", ["status"] = null, ["permissionMode"] = mode }))
            .ConfigureAwait(false);
        await RespondSuccessAsync(requestId, null).ConfigureAwait(false);
    }

    private async Task CancelAsyncMessageAsync(string requestId, JsonObject request)
    {
        var target = Wire.Str(request["message_uuid"]);
        if (target is null)
        {
            await RespondErrorAsync(requestId, "missing message_uuid").ConfigureAwait(false);
            return;
        }

        bool removed;
        lock (_gate)
        {
            var node = _queue.First;
            while (node is not null && node.Value.Uuid != target)
            {
                node = node.Next;
            }

            removed = node is not null;
            if (node is not null)
            {
                _queue.Remove(node);
            }
        }

        await RespondSuccessAsync(requestId, new JsonObject { ["cancelled"] = removed }).ConfigureAwait(false);
        if (removed)
        {
            await LifecycleAsync(target, "cancelled").ConfigureAwait(false);
        }
    }

    private async Task HandleQueuedControlAsync(string requestId, JsonObject request)
    {
        var subtype = Wire.Str(request["subtype"]) ?? Wire.Str(request["type"]);
        switch (subtype)
        {
            case "mcp_status":
                var servers = new JsonArray();
                foreach (var server in _mcpServers)
                {
                    servers.Add((JsonNode)new JsonObject
                    {
                        ["name"] = server.Name,
                        ["status"] = server.Status,
                        ["config"] = new JsonObject { ["type"] = "sdk", ["name"] = server.Name },
                        ["tools"] = new JsonArray([.. server.Tools.Select(t => (JsonNode?)new JsonObject { ["name"] = Wire.Str(t["name"]) })]),
                    });
                }

                await RespondSuccessAsync(requestId, new JsonObject { ["servers"] = servers }).ConfigureAwait(false);
                break;
            case "account_info":
                await RespondSuccessAsync(requestId, new JsonObject { ["account"] = new JsonObject() }).ConfigureAwait(false);
                break;
            case "get_models":
                await RespondSuccessAsync(requestId, new JsonObject { ["models"] = new JsonArray() }).ConfigureAwait(false);
                break;
            default:
                await RespondErrorAsync(requestId, $"Unsupported control request type: \"{subtype}\"").ConfigureAwait(false);
                break;
        }
    }

    // ---------------------------------------------------------------- initialize

    private async Task InitializeAsync(string requestId, JsonObject request)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _initCts = cts;
        try
        {
            await PlayStepsAsync(_scenario.OnInitialize, null, cts.Token).ConfigureAwait(false);
            RegisterHooks(request["hooks"] as JsonObject);
            if (Wire.Bool(request["includePartialMessages"]) == true)
            {
                _partial = true;
            }

            if (Wire.Str(request["model"]) is { Length: > 0 } model)
            {
                _model = model;
            }

            if (request["sdkMcpServers"] is JsonArray servers)
            {
                foreach (var name in servers.Select(Wire.Str).OfType<string>())
                {
                    await ConnectMcpServerAsync(name, cts.Token).ConfigureAwait(false);
                }
            }

            if (_authPayloadType == "jobToken")
            {
                var token = await RequestAsync(
                    new JsonObject { ["subtype"] = "fetch_job_token", ["reason"] = "initial", ["session_id"] = _sessionId }, cts.Token, cancelOnWire: true)
                    .ConfigureAwait(false);
                if (token.IsError)
                {
                    _initState = InitState.None;
                    await RespondErrorAsync(requestId, token.Error!).ConfigureAwait(false);
                    return;
                }
            }

            await WriteAsync(SystemInit()).ConfigureAwait(false);
            await WriteAsync(Stamp(new JsonObject { ["type"] = "system", ["subtype"] = "artifacts_update", ["artifacts"] = new JsonArray() })).ConfigureAwait(false);
            _initState = InitState.Done;
            await RespondSuccessAsync(requestId, InitializeResponse()).ConfigureAwait(false);
            if (Wire.Bool(request["supportsAvailableModelsUpdate"]) == true)
            {
                await WriteAsync(Stamp(new JsonObject
                {
                    ["type"] = "system", ["subtype"] = "available_models_update", ["models"] = new JsonArray(), ["currentModel"] = "",
                })).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!_lifetime.IsCancellationRequested)
        {
            _initState = InitState.None;
            await RespondErrorAsync(requestId, "Interrupted").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
        finally
        {
            _initCts = null;
            if (_initState != InitState.Done)
            {
                _initState = InitState.None;
            }

            _initGate.TrySetResult();
        }
    }

    private void RegisterHooks(JsonObject? hooks)
    {
        if (hooks is null)
        {
            return;
        }

        foreach (var (eventName, value) in hooks)
        {
            if (value is not JsonArray matchers)
            {
                continue;
            }

            var list = new List<HookRegistration>();
            foreach (var entry in matchers.OfType<JsonObject>())
            {
                var ids = (entry["hookCallbackIds"] as JsonArray)?.Select(Wire.Str).OfType<string>().ToList() ?? [];
                var timeout = entry["timeout"] is JsonValue t && t.TryGetValue<double>(out var seconds) ? seconds : 600;
                list.Add(new HookRegistration(Wire.Str(entry["matcher"]), ids, TimeSpan.FromSeconds(timeout)));
            }

            _hooks[eventName] = list;
        }
    }

    private async Task ConnectMcpServerAsync(string name, CancellationToken ct)
    {
        var server = new McpServer(name);
        _mcpServers.Add(server);
        var init = await McpAsync(server, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = server.NextId++,
            ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["protocolVersion"] = "2025-11-25",
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "qodercli-sdk-bridge", ["version"] = _scenario.CliVersion },
            },
        }, ct).ConfigureAwait(false);
        if (init is null)
        {
            server.Status = "failed";
            return;
        }

        await McpAsync(server, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }, ct).ConfigureAwait(false);
        var list = await McpAsync(server, new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = server.NextId++, ["method"] = "tools/list", ["params"] = new JsonObject(),
        }, ct).ConfigureAwait(false);
        if (list?["result"]?["tools"] is JsonArray tools)
        {
            server.Tools.AddRange(tools.OfType<JsonObject>());
        }

        server.Status = "connected";
    }

    private async Task<JsonObject?> McpAsync(McpServer server, JsonObject message, CancellationToken ct)
    {
        var answer = await RequestAsync(new JsonObject { ["subtype"] = "mcp_message", ["server_name"] = server.Name, ["message"] = message }, ct)
            .ConfigureAwait(false);
        return answer.IsError ? null : answer.Body?["mcp_response"] as JsonObject;
    }

    private JsonObject SystemInit()
    {
        var tools = new JsonArray([.. _scenario.Tools.Select(t => (JsonNode?)t)]);
        var servers = new JsonArray();
        foreach (var server in _mcpServers)
        {
            foreach (var tool in server.Tools)
            {
                tools.Add((JsonNode)$"mcp__{server.Name}__{Wire.Str(tool["name"])}");
            }

            servers.Add((JsonNode)new JsonObject { ["name"] = server.Name, ["status"] = server.Status });
        }

        return new JsonObject
        {
            ["type"] = "system",
            ["subtype"] = "init",
            ["apiKeySource"] = "none",
            ["qodercli_version"] = _scenario.CliVersion,
            ["protocol_version"] = _scenario.ProtocolVersion,
            ["cwd"] = _cwd,
            ["tools"] = tools,
            ["mcp_servers"] = servers,
            ["model"] = _model,
            ["permissionMode"] = _permissionMode,
            ["slash_commands"] = ToArray(Wire.SlashCommandNames),
            ["output_style"] = "default",
            ["agents"] = ToArray(Wire.AgentNames),
            ["skills"] = ToArray(Wire.SkillNames),
            ["plugins"] = new JsonArray(),
            ["capabilities"] = ToArray(Wire.Capabilities),
            ["fast_mode_state"] = "off",
            ["uuid"] = Wire.NewId(),
            ["session_id"] = _sessionId,
        };
    }

    private static JsonObject InitializeResponse() => new()
    {
        ["commands"] = new JsonArray([.. Wire.Commands.Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name, ["description"] = c.Description, ["argumentHint"] = c.Hint,
        })]),
        ["agents"] = new JsonArray([.. Wire.Agents.Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["description"] = a.Description })]),
        ["skills"] = new JsonArray([.. Wire.Skills.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name, ["description"] = s.Description, ["source"] = "built-in",
        })]),
        ["output_style"] = "default",
        ["available_output_styles"] = new JsonArray("default", "Explanatory", "Learning"),
        ["models"] = new JsonArray(),
        ["account"] = new JsonObject(),
        ["capabilities"] = ToArray(Wire.Capabilities),
        ["pid"] = Environment.ProcessId,
    };

    // ---------------------------------------------------------------- work loop

    private async Task WorkLoopAsync()
    {
        try
        {
            while (true)
            {
                await _work.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                WorkItem? item = null;
                lock (_gate)
                {
                    if (_queue.First is { } first)
                    {
                        item = first.Value;
                        _queue.RemoveFirst();
                    }
                }

                if (item is null)
                {
                    if (_stdinClosed)
                    {
                        await FinishAsync().ConfigureAwait(false);
                        return;
                    }

                    continue;
                }

                if (_initState == InitState.Running)
                {
                    await _initGate.Task.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                }

                if (item.Request is not null)
                {
                    await HandleQueuedControlAsync(item.RequestId!, item.Request).ConfigureAwait(false);
                }
                else
                {
                    await RunTurnAsync(item).ConfigureAwait(false);
                }

                if (_stdinClosed)
                {
                    bool empty;
                    lock (_gate)
                    {
                        empty = _queue.Count == 0;
                    }

                    if (empty)
                    {
                        await FinishAsync().ConfigureAwait(false);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
    }

    private async Task FinishAsync()
    {
        if (_initState == InitState.Running)
        {
            await _initGate.Task.WaitAsync(_lifetime.Token).ConfigureAwait(false);
        }

        if (_hooks.TryGetValue("SessionEnd", out var sessionEnd))
        {
            foreach (var registration in sessionEnd)
            {
                foreach (var id in registration.CallbackIds)
                {
                    await WriteAsync(new JsonObject
                    {
                        ["type"] = "control_request",
                        ["request_id"] = Wire.NewId(),
                        ["request"] = new JsonObject { ["subtype"] = "hook_callback", ["callback_id"] = id, ["input"] = HookInput("SessionEnd", new() { ["reason"] = "other" }) },
                    }).ConfigureAwait(false);
                }
            }
        }

        if (_scenario.ExitDelayMs > 0)
        {
            await Task.Delay(_scenario.ExitDelayMs, _lifetime.Token).ConfigureAwait(false);
        }

        RequestExit(_scenario.ExitCode, "stdin_eof");
    }

    // ---------------------------------------------------------------- steps and faults

    private async Task PlayStepsAsync(IEnumerable<QoderScenarioStep> steps, TurnState? turn, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            await PlayActionAsync(step, turn, ct).ConfigureAwait(false);
        }
    }

    private async Task PlayActionAsync(QoderScenarioStep step, TurnState? turn, CancellationToken ct)
    {
        switch (step.Type)
        {
            case "delay":
                await Task.Delay(step.DelayMs ?? 0, ct).ConfigureAwait(false);
                break;
            case "wait_for_interrupt":
                _waitingForInterrupt = true;
                try
                {
                    if (_stdinClosed)
                    {
                        throw new OperationCanceledException(ct);
                    }

                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                finally
                {
                    _waitingForInterrupt = false;
                }

                break;
            case "emit" when step.Message is not null:
                var message = (JsonObject)step.Message.DeepClone();
                if (!message.ContainsKey("uuid"))
                {
                    message["uuid"] = Wire.NewId();
                }

                if (!message.ContainsKey("session_id"))
                {
                    message["session_id"] = _sessionId;
                }

                await WriteAsync(message).ConfigureAwait(false);
                break;
            case "hook_event" when step.Name is not null:
                await HookEventAsync(step.Name, step.Input ?? [], ct).ConfigureAwait(false);
                break;
            case "crash":
                if (step.Text is not null)
                {
                    await WriteStderrAsync(step.Text.EndsWith('\n') ? step.Text : step.Text + "\n").ConfigureAwait(false);
                }

                RequestExit(step.ExitCode ?? 1, "crash");
                await StopHereAsync().ConfigureAwait(false);
                break;
            case "exit":
                RequestExit(step.ExitCode ?? 0, "exit_step");
                await StopHereAsync().ConfigureAwait(false);
                break;
            case "hang":
                _hung = true;
                _out.Close();
                await StopHereAsync().ConfigureAwait(false);
                break;
            case "raw_line":
                await _out.WriteRawLineAsync(step.Text ?? "{this is not json").ConfigureAwait(false);
                break;
            case "oversized_line":
                await _out.WriteBytesAsync(OversizedLine(step.Bytes ?? (17L * 1024 * 1024))).ConfigureAwait(false);
                break;
            case "stderr":
                await WriteStderrAsync(step.Text ?? string.Empty).ConfigureAwait(false);
                break;
            case "stderr_flood":
                await FloodStderrAsync(step.Bytes ?? (10L * 1024 * 1024)).ConfigureAwait(false);
                break;
            case "spawn_grandchild":
                SpawnGrandchild(step.InheritStdio ?? true);
                break;
            default:
                _ = turn;
                break;
        }
    }

    private static byte[] OversizedLine(long size)
    {
        var prefix = "{\"type\":\"bogus_big\",\"data\":\""u8;
        var suffix = "\"}\n"u8;
        var total = (int)Math.Max(size + 1, prefix.Length + suffix.Length);
        var bytes = new byte[total];
        prefix.CopyTo(bytes);
        bytes.AsSpan(prefix.Length, total - prefix.Length - suffix.Length).Fill((byte)'x');
        suffix.CopyTo(bytes.AsSpan(total - suffix.Length));
        return bytes;
    }

    private async Task FloodStderrAsync(long total)
    {
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'e');
        for (var i = 1023; i < chunk.Length; i += 1024)
        {
            chunk[i] = (byte)'\n';
        }

        try
        {
            for (long written = 0; written < total; written += chunk.Length)
            {
                await _stderr.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, total - written)), _lifetime.Token).ConfigureAwait(false);
            }

            await _stderr.FlushAsync(_lifetime.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The host closed its end of stderr.
        }
    }

    private void SpawnGrandchild(bool inheritStdio)
    {
        var info = new ProcessStartInfo("sleep", "600")
        {
            UseShellExecute = false,
            RedirectStandardInput = !inheritStdio,
            RedirectStandardOutput = !inheritStdio,
            RedirectStandardError = !inheritStdio,
        };
        using var process = Process.Start(info);
        if (process is not null)
        {
            _record?.Write("grandchild", new JsonObject { ["pid"] = process.Id });
        }
    }

    private sealed record WorkItem(JsonObject? Message, string? Uuid, string? RequestId, JsonObject? Request);

    private sealed record HookRegistration(string? Matcher, List<string> CallbackIds, TimeSpan Timeout);

    private sealed class McpServer(string name)
    {
        public string Name { get; } = name;

        public string Status { get; set; } = "pending";

        public int NextId { get; set; }

        public List<JsonObject> Tools { get; } = [];
    }

    private readonly record struct ControlAnswer(bool IsError, string? Error, JsonObject? Body)
    {
        public static ControlAnswer Success(JsonObject? body) => new(false, null, body);

        public static ControlAnswer Failure(string error) => new(true, error, null);
    }

    [GeneratedRegex("^mcp__(?<server>.+?)__(?<tool>.+)$")]
    private static partial Regex McpToolName();
}
