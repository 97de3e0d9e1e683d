using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qoder.AgentSdk.Control;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Internal;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk;

/// <summary>
/// A multi-turn conversation with one <c>qodercli</c> process: connect, send prompts, receive each response up to its
/// <see cref="ResultMessage"/>, interrupt, switch model and permission mode. Dispose it to stop the process; no process
/// outlives the client. One caller receives at a time.
/// </summary>
public sealed class QoderClient : IQoderClient, IAsyncDisposable
{
    private readonly QoderAgentOptions _options;
    private readonly ILogger _logger;
    private readonly SdkMcpServerHost _sdkMcpServers;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly TranscriptMirror? _mirror;
    private MaterializedSession? _materialized;
    private ProcessTransport? _transport;
    private ControlChannel? _channel;
    private AuthPayloadFile? _payload;
    private QoderInitializeResult? _initializationResult;
    private SettingsArgument? _settings;
    private volatile bool _killed;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="QoderClient"/> class.</summary>
    /// <param name="options">The options; copied, so later changes do not affect this client.</param>
    /// <param name="loggerFactory">Receives the client's logs; never the PAT or prompts.</param>
    public QoderClient(QoderAgentOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExperimentalCloudAgent is not null)
        {
            throw new QoderConfigurationException(nameof(options.ExperimentalCloudAgent), "runs one-shot queries without a CLI: use QoderQuery.RunAsync(string, ...) or QoderCloudAgent.QueryAsync, or clear it to start the CLI.");
        }

        _options = options.Clone();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Qoder.AgentSdk.QoderClient");
        _sdkMcpServers = new SdkMcpServerHost(_options.SdkMcpServers, loggerFactory);
        if (_options.SessionStore is { } store)
        {
            _mirror = new TranscriptMirror(store, _options.SessionStoreFlush, _options.SessionStoreAppendTimeout, _logger);
        }
    }

    /// <summary>Gets the private configuration directory the session was loaded into from the session store, while it exists.</summary>
    internal string? MaterializedConfigDirectory => _materialized?.ConfigDirectory;

    /// <summary>Gets a value indicating whether the CLI is initialized and running.</summary>
    public bool IsConnected => _channel is { IsCompleted: false } && InitializeResponse is not null && !_killed && _disposed == 0;

    /// <summary>Gets the CLI's process id once started.</summary>
    public int? ProcessId => _transport?.ProcessId;

    /// <summary>Gets a task that completes when the CLI process has exited (it never faults).</summary>
    public Task Completion => _channel?.Completion ?? Task.CompletedTask;

    /// <summary>Gets the latest <c>system/init</c> message.</summary>
    public SystemInitMessage? InitMessage => _channel?.LatestInit;

    /// <summary>Gets the session id reported by the CLI.</summary>
    public string? SessionId => InitMessage?.SessionId;

    /// <summary>Gets the body of the <c>initialize</c> response (commands, agents, models, capabilities, pid).</summary>
    public JsonElement? InitializeResponse { get; private set; }

    /// <summary>Gets the typed <c>initialize</c> response; its commands follow <c>commands_changed</c>.</summary>
    public QoderInitializeResult? InitializationResult =>
        _initializationResult is { } result && _channel?.LatestCommands is { } commands ? result with { Commands = commands } : _initializationResult;

    /// <summary>Gets the private folder of the auth payload of this client's launch, for checks that it is gone.</summary>
    internal string? PayloadDirectory { get; private set; }

    /// <summary>Gets the last characters the CLI wrote to stderr.</summary>
    public string StderrTail => _transport?.StderrTail ?? string.Empty;

    /// <summary>
    /// Gets how many stdout lines were skipped because they were not JSON (a stray warning some dependency printed); each
    /// is logged as a warning (event 1052). A line that is JSON but breaks the protocol is a <see cref="QoderProtocolException"/>.
    /// </summary>
    public long SkippedLineCount => _channel?.SkippedLineCount ?? 0;

    /// <summary>Gets the CLI's exit code once it has exited.</summary>
    public int? ExitCode => _transport?.Exited.ValueOrNull();

    /// <summary>Starts the CLI and completes the <c>initialize</c> handshake.</summary>
    /// <param name="cancellationToken">Cancels the start; the process is killed.</param>
    /// <returns>A task that completes when the session is ready for prompts.</returns>
    /// <exception cref="QoderCliNotFoundException">The CLI could not be found or installed.</exception>
    /// <exception cref="QoderAuthenticationException">The CLI rejected or lacks credentials.</exception>
    /// <exception cref="QoderProcessExitedException">The CLI exited during start-up.</exception>
    /// <exception cref="QoderProtocolVersionMismatchException">The CLI speaks another protocol major version.</exception>
    /// <exception cref="QoderControlTimeoutException">The CLI did not answer <c>initialize</c> in time.</exception>
    /// <exception cref="QoderConfigurationException">The options cannot produce a launch.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Off the request path: the parser warms up on another thread while the CLI starts (once per process).
        HotPathWarmup.Start();
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_transport is not null)
            {
                throw new InvalidOperationException("The client is already connected; create a new client for a new process.");
            }

            await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Sends a prompt. It starts a turn, or joins the running one at its next safe point.</summary>
    /// <param name="prompt">The prompt text.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The uuid of the message (its <c>command_lifecycle</c> id).</returns>
    /// <exception cref="ArgumentException">The prompt has a lone UTF-16 surrogate, which JSON cannot carry unaltered; nothing is sent.</exception>
    public Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default) =>
        SendAsync(prompt, Guid.NewGuid().ToString(), cancellationToken);

    /// <summary>
    /// Sends a prompt under a uuid the caller chose. The CLI runs a uuid once per session: sending it again (after a crash,
    /// on a resumed process) is answered with a <c>command_lifecycle</c> <c>completed</c> and no new turn.
    /// </summary>
    /// <param name="prompt">The prompt text.</param>
    /// <param name="uuid">The message uuid (its transcript entry id and <c>command_lifecycle</c> id).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><paramref name="uuid"/>.</returns>
    /// <exception cref="ArgumentException">The prompt has a lone UTF-16 surrogate, or the uuid is empty; nothing is sent.</exception>
    public Task<string> SendAsync(string prompt, string uuid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        var input = QoderUserInput.FromText(prompt);
        input.Uuid = uuid;
        return SendAsync(input, cancellationToken);
    }

    /// <summary>Sends a structured user message (text and image blocks, uuid, priority, custom context, attachments).</summary>
    /// <param name="input">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The uuid of the message: <see cref="QoderUserInput.Uuid"/>, or the one generated for it.</returns>
    /// <exception cref="ArgumentException">The input has no content, or a text with a lone UTF-16 surrogate; nothing is sent.</exception>
    public async Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken = default)
    {
        var frame = UserInputWriter.ToFrame(input, _options.CustomContext, nameof(input));
        await RequireConnected().WriteFrameAsync(frame, cancellationToken).ConfigureAwait(false);
        return frame.Uuid;
    }

    /// <summary>
    /// Receives the messages of the running turn, up to and including the main turn's <see cref="ResultMessage"/> (a
    /// subagent's result, one with <see cref="ResultMessage.ParentToolUseId"/>, is passed on and the stream goes on). When
    /// the CLI exits cleanly before the result, the stream just ends, as in the official SDKs; a failed exit throws. When
    /// <paramref name="cancellationToken"/> fires, the turn is interrupted; if it does not end within
    /// <see cref="QoderAgentOptions.InterruptGracePeriod"/>, the process is killed. Then an <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="QoderProcessExitedException">The CLI exited with an error code (or was killed by someone else).</exception>
    /// <exception cref="QoderAuthenticationException">The CLI exited because it could not authenticate.</exception>
    /// <exception cref="QoderProtocolException">The CLI wrote a message this client cannot read.</exception>
    public async IAsyncEnumerable<QoderMessage> ReceiveResponseAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in ReceiveAsync(untilResult: true, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <summary>
    /// Receives every message until the CLI process ends: the stream ends when it exits cleanly and throws when it fails,
    /// as <see cref="ReceiveResponseAsync"/> does. Cancellation interrupts a running turn as in <see cref="ReceiveResponseAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops receiving.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="QoderProcessExitedException">The CLI exited with an error code (or was killed by someone else).</exception>
    public async IAsyncEnumerable<QoderMessage> ReceiveMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in ReceiveAsync(untilResult: false, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    /// <summary>
    /// Drops the messages read from the CLI but not yet received, such as what a pre-started process wrote while it sat
    /// idle, so that the next <see cref="ReceiveResponseAsync"/> starts with what follows. Call it only between turns.
    /// </summary>
    /// <returns>The number of messages dropped.</returns>
    public int DiscardBufferedMessages() => RequireConnected().DiscardBuffered();

    /// <summary>Interrupts the running turn; it ends with an <c>error_during_execution</c> result.</summary>
    /// <param name="cancellationToken">Cancels the wait for the CLI's receipt.</param>
    /// <returns>A task that completes when the CLI has accepted the interrupt.</returns>
    public Task InterruptAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(ControlRequests.Simple("interrupt"), cancellationToken);

    /// <summary>Switches the model for the following model calls.</summary>
    /// <param name="model">The model, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the wait for the CLI's answer.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    public Task SetModelAsync(string? model, CancellationToken cancellationToken = default) =>
        RequestAsync(ControlRequests.SetModel(model), cancellationToken);

    /// <summary>Switches the permission mode.</summary>
    /// <param name="mode">The mode (<see cref="QoderPermissionMode.Yolo"/> is sent as bypassPermissions).</param>
    /// <param name="cancellationToken">Cancels the wait for the CLI's answer.</param>
    /// <returns>A task that completes when the CLI has switched.</returns>
    public Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default) =>
        RequestAsync(ControlRequests.SetPermissionMode(mode), cancellationToken);

    /// <summary>Sends any control request and returns the CLI's response body (for requests this client has no method for).</summary>
    /// <param name="request">The request; must contain <c>subtype</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response body, or <see langword="null"/> when the CLI sent none.</returns>
    public async Task<JsonElement?> SendControlRequestAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request["subtype"] is null)
        {
            throw new ArgumentException("The request needs a \"subtype\".", nameof(request));
        }

        return await RequireConnected().RequestAsync(request, _options.ControlRequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the CLI: closes stdin, waits, sends SIGTERM, waits, kills the process tree; returns when it is gone.</summary>
    /// <returns>A task that completes when the process and its temporary files are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _connectLock.Dispose();
    }

    /// <summary>
    /// Closes the CLI's stdin without waiting: the CLI finishes writing its transcript and exits on its own, and
    /// <see cref="Completion"/> completes then. <see cref="DisposeAsync"/> still escalates if it does not exit in time.
    /// </summary>
    public void EndInput() => _transport?.EndInput();

    /// <summary>
    /// Waits for the background work finished turns started: memory generation and skill reviews (<c>flush_memory</c>,
    /// <c>flush_skill_evolution</c>), when <see cref="QoderAgentOptions.Memory"/> or <see cref="QoderAgentOptions.SkillEvolution"/>
    /// configured them and the CLI enabled them; otherwise returns at once. Each wait is bounded by
    /// <see cref="QoderAgentOptions.ControlRequestTimeout"/> and a failure is logged, not thrown. <see cref="DisposeAsync"/>
    /// does this before it closes stdin; call it earlier to run the gates those turns ask while your callbacks' state lives.
    /// </summary>
    /// <returns>A task that completes when the work is done or the waits gave up.</returns>
    public async Task FlushPendingWorkAsync()
    {
        if (_channel is { IsCompleted: false } live && !_killed && InitializeResponse is { ValueKind: JsonValueKind.Object } initialized)
        {
            await FeatureFlush.BeforeEndAsync(live, _options, initialized, _logger).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Kills the process tree at once, without the graceful sequence: for a host that has run out of shutdown time. The
    /// client still needs <see cref="DisposeAsync"/> to release its files.
    /// </summary>
    public void Abort()
    {
        _killed = true;
        _channel?.MarkShutdown();
        _transport?.Kill();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var environment = ChildEnvironment.Overlay(_options);
        var sdkMode = _options.Auth.Kind != QoderAuthKind.Headless;
        var workingDirectory = _options.WorkingDirectory ?? System.Environment.CurrentDirectory;
        if (!Directory.Exists(workingDirectory))
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.WorkingDirectory), $"the directory {workingDirectory} does not exist.");
        }

        try
        {
            var command = await CliLocator.LocateAsync(_options, _logger, cancellationToken).ConfigureAwait(false);
            var launchOptions = await MaterializeAsync(environment, workingDirectory, cancellationToken).ConfigureAwait(false);
            _settings = SettingsArgument.Prepare(_options);
            var arguments = LaunchArguments.Build(launchOptions, environment, _settings.Value);
            _payload = sdkMode ? AuthPayloadFile.Create(_options.Auth, environment) : null;
            PayloadDirectory = _payload?.Directory;
            ChildEnvironment.Finish(environment, _payload?.FilePath, _options.Auth);
            _transport = ProcessTransport.Start(command, arguments, environment, workingDirectory, _options, _logger);
            _channel = new ControlChannel(_transport, _logger, HandleInboundAsync, authExpired: _options.OnAuthExpired) { TranscriptMirror = _mirror is null ? null : _mirror.Enqueue, ResultObserver = FeatureResultCallbacks.For(_options, _logger), AuthKind = _options.Auth.Kind };
            _channel.Start();
            var response = await _channel.RequestAsync(ControlRequests.Initialize(_options, sdkMode), _options.InitializeTimeout, cancellationToken).ConfigureAwait(false);
            InitializeResponse = response ?? default(JsonElement);
            _initializationResult = InitializeResult.Read(response, _channel.LatestInit?.QodercliVersion);
            _channel.MarkInitialized();
            if (_mirror is not null && launchOptions.ForkSession)
            {
                // A fork mirrors the copied history at start-up: store it under the new id before the first prompt.
                await _mirror.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await StartupRequests.SendAsync(_channel, _options, InitializeResponse, cancellationToken).ConfigureAwait(false);
            SdkLog.Initialized(_logger, _channel.LatestInit?.SessionId, _channel.LatestInit?.QodercliVersion, _channel.LatestInit?.ProtocolVersion);
        }
        catch (Exception ex)
        {
            var failure = _channel?.Fault is { } fault && ex is not OperationCanceledException ? fault : ex;

            // A CLI that failed to start is of no use, and it ignores SIGTERM while starting: kill it at once.
            Abort();
            await StopAsync().ConfigureAwait(false);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            // The CLI has read (and deleted) the payload by the time it answers; remove the folder either way.
            _payload?.Dispose();
        }
    }

    /// <summary>
    /// Receives every message, as <see cref="ReceiveMessagesAsync"/>, but also ends when no message is waiting and
    /// <paramref name="isOver"/> says so, checked whenever the wait starts and once <paramref name="inputsEnded"/> completes.
    /// </summary>
    internal IAsyncEnumerable<QoderMessage> ReceiveUntilOverAsync(Task inputsEnded, Func<bool> isOver, CancellationToken cancellationToken) =>
        ReceiveAsync(untilResult: false, cancellationToken, inputsEnded, isOver);

    private async IAsyncEnumerable<QoderMessage> ReceiveAsync(
        bool untilResult, [EnumeratorCancellation] CancellationToken cancellationToken, Task? inputsEnded = null, Func<bool>? isOver = null)
    {
        var channel = _channel ?? throw new InvalidOperationException("Call ConnectAsync first.");
        while (true)
        {
            QoderMessage? message = null;
            var cancelled = false;
            try
            {
                bool available;
                if (isOver is null)
                {
                    available = await channel.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var waiting = channel.WaitToReadAsync(cancellationToken).AsTask();
                    if (!waiting.IsCompleted && inputsEnded is { IsCompleted: false })
                    {
                        await Task.WhenAny(waiting, inputsEnded).ConfigureAwait(false);
                    }

                    if (!waiting.IsCompleted && isOver())
                    {
                        yield break;
                    }

                    available = await waiting.ConfigureAwait(false);
                }

                if (available)
                {
                    channel.TryTake(out message);
                }
                else if (channel.Fault is { } fault)
                {
                    throw fault;
                }
                else
                {
                    // An orderly end (a clean exit, or a stop the host asked for) ends the stream, with or without a result.
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }

            if (cancelled)
            {
                await CancelTurnAsync(channel).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (message is null)
            {
                continue;
            }

            if (_mirror is not null)
            {
                // The store has the turn's entries before anyone sees its result (and so can resume it elsewhere).
                if (message is ResultMessage)
                {
                    await _mirror.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                while (_mirror.TryTakeError(out var mirrorError))
                {
                    yield return mirrorError;
                }
            }

            yield return message;
            if (untilResult && message.EndsTurn())
            {
                yield break;
            }
        }
    }

    private async Task CancelTurnAsync(ControlChannel channel)
    {
        SdkLog.CancellingTurn(_logger);
        using var grace = new CancellationTokenSource(_options.InterruptGracePeriod);
        try
        {
            await channel.RequestAsync(ControlRequests.Simple("interrupt"), _options.InterruptGracePeriod, grace.Token).ConfigureAwait(false);
            while (await channel.WaitToReadAsync(grace.Token).ConfigureAwait(false))
            {
                if (channel.TryTake(out var message) && message.EndsTurn())
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or QoderException)
        {
            // Fall through to the kill: the turn did not end in time or the process is unusable.
        }

        if (!channel.IsCompleted)
        {
            SdkLog.InterruptTimedOut(_logger, _options.InterruptGracePeriod);
            Abort();
        }
    }

    private async Task RequestAsync(JsonObject request, CancellationToken cancellationToken) =>
        await RequireConnected().RequestAsync(request, _options.ControlRequestTimeout, cancellationToken).ConfigureAwait(false);

    private ControlChannel RequireConnected()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var channel = _channel ?? throw new InvalidOperationException("Call ConnectAsync first.");
        if (channel.IsCompleted || _killed)
        {
            throw channel.Fault ?? new QoderProcessExitedException("The Qoder CLI process has ended; create a new client.", null, StderrTail);
        }

        return channel;
    }

    private async Task<JsonNode?> HandleInboundAsync(string subtype, JsonElement request, CancellationToken cancellationToken) => subtype switch
    {
        "can_use_tool" => await ToolPermissionDispatcher.AnswerAsync(_options.CanUseTool, request, _logger, cancellationToken).ConfigureAwait(false),
        "hook_callback" => await HookDispatcher.AnswerAsync(_options.Hooks, request, cancellationToken).ConfigureAwait(false),
        "mcp_message" => await _sdkMcpServers.AnswerAsync(request, cancellationToken).ConfigureAwait(false),
        "get_model_policy" => await ModelPolicyDispatcher.AnswerAsync(_options.ResolveModel, _options.ResolveModelTimeout, TimeProvider.System, request, cancellationToken).ConfigureAwait(false),
        "elicitation" or "elicitation_response" => await ElicitationDispatcher.AnswerAsync(_options.OnElicitation, request, cancellationToken).ConfigureAwait(false),
        "fetch_job_token" or "fetch_service_account_token" => await TokenDispatcher.AnswerAsync(_options.Auth, subtype, request, cancellationToken).ConfigureAwait(false),
        "memory_should_generate" or "skill_evolution_should_review" => await TurnCompleteGateDispatcher.AnswerAsync(_options, subtype, request, cancellationToken).ConfigureAwait(false),
        "resolve_session_artifacts" => await SessionArtifactsDispatcher.AnswerAsync(_options.ResolveSessionArtifacts, request, cancellationToken).ConfigureAwait(false),
        _ => throw new ControlRequestRejectedException($"Unhandled control request subtype: {subtype}"),
    };

    /// <summary>
    /// With a session store and a session to resume or continue, loads it from the store into a private configuration
    /// directory and returns options that resume it there; otherwise (or when the store holds nothing) the options as given.
    /// </summary>
    private async Task<QoderAgentOptions> MaterializeAsync(Dictionary<string, string?> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        if (_options.SessionStore is null || (string.IsNullOrEmpty(_options.Resume) && !_options.Continue))
        {
            return _options;
        }

        LaunchArguments.Validate(_options);
        _materialized = await SessionMaterializer.MaterializeAsync(_options, workingDirectory, environment, _logger, cancellationToken).ConfigureAwait(false);
        if (_materialized is null)
        {
            return _options;
        }

        var launch = _options.Clone();
        launch.Resume = _materialized.SessionId;
        launch.Continue = false;
        environment["QODER_CONFIG_DIR"] = _materialized.ConfigDirectory;
        return launch;
    }

    private async Task StopAsync()
    {
        await FlushPendingWorkAsync().ConfigureAwait(false);
        _channel?.MarkShutdown();
        if (_transport is not null)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }

        if (_channel is not null)
        {
            await _channel.Completion.ConfigureAwait(false);
            _channel.Dispose();
        }

        if (_mirror is not null)
        {
            // Entries mirrored after the last result (or by a process that ended without one) still reach the store.
            await _mirror.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _materialized?.Dispose();

        _payload?.Dispose();
        _settings?.Dispose();
        await _sdkMcpServers.DisposeAsync().ConfigureAwait(false);
    }
}
