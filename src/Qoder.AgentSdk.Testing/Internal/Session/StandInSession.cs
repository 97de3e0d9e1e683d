using Qoder.AgentSdk.Testing.Internal.Auth;
using Qoder.AgentSdk.Testing.Internal.Control;
using Qoder.AgentSdk.Testing.Internal.Faults;
using Qoder.AgentSdk.Testing.Internal.Hooks;
using Qoder.AgentSdk.Testing.Internal.Initialize;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Tools;
using Qoder.AgentSdk.Testing.Internal.Transcripts;
using Qoder.AgentSdk.Testing.Internal.Turns;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>
/// One run of the stand-in: plays the start-up steps, authenticates in SDK mode, then reads stdin while the work loop
/// plays turns, until an exit is requested. Wires the session's parts together over one <see cref="SessionState"/>.
/// </summary>
internal sealed class StandInSession : IDisposable
{
    private readonly SessionState _state;
    private readonly CancellationTokenSource _lifetime;
    private readonly LineWriter _stdout;
    private readonly SessionExit _exit;
    private readonly WorkQueue _queue = new();
    private readonly ScriptedStepPlayer _steps;
    private readonly SdkAuthenticator _authenticator;
    private readonly WorkLoop _workLoop;
    private readonly StdinReader _stdinReader;
    private readonly SessionOutput _output;

    public StandInSession(
        CliArguments args, QoderScenario scenario, Stream stdin, Stream stdout, Stream stderr,
        IReadOnlyDictionary<string, string?> environment, RecordWriter? record, string cwd, string permissionMode, StandInTranscript transcript,
        CancellationToken ct)
    {
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _state = new SessionState(args, scenario, environment, record, cwd, permissionMode, transcript, _lifetime.Token);
        _stdout = new LineWriter(stdout);
        var output = new SessionOutput(_stdout, stderr, _state.SessionId);
        _output = output;
        _exit = new SessionExit(output, record);
        var outbound = new OutboundControlRequests(_state, output);
        var hooks = new HookRunner(_state, output, outbound);
        var mcp = new SdkMcpServers(scenario, outbound);
        _steps = new ScriptedStepPlayer(_state, output, _exit, hooks, new ScriptedControlRequest(_state, outbound));
        _authenticator = new SdkAuthenticator(_state, output, _exit);
        var initializer = new Initializer(_state, output, _steps, hooks, mcp, outbound);

        var results = new ToolResultWriter(_state, output);
        var tools = new ToolRunner(
            _state, new ToolAuthorizer(_state, output, hooks, outbound, results), new ToolExecutor(_state, hooks, mcp, results), results);
        var turns = new TurnPlayer(_state, output, _queue, hooks, mcp, _steps, new AssistantWriter(_state, output), tools, new ModelPolicyClient(_state, outbound),
            new TurnCompleteWork(_state, output, outbound));

        var users = new UserMessageIntake(_state, output, _exit, _queue, initializer);
        var extended = new ExtendedControlRoutes(
            _state, output, new PlanAndGoalHandler(output), new SessionQueryHandler(_state, output, mcp),
            new SessionChangeHandler(_state, output, _exit, _queue, users), new McpControlHandler(output, mcp));
        var controlRequests = new ControlRequestDispatcher(
            output, _queue, initializer, new InterruptHandler(_state, output, _queue, initializer), new CancelAsyncMessageHandler(output, _queue),
            new SessionSettingsHandler(_state, output), new InfoRequestHandler(output, mcp), extended);
        var lines = new InboundLineHandler(_state, output, _exit, _queue, users, controlRequests, outbound);
        _workLoop = new WorkLoop(_state, _exit, _queue, initializer, controlRequests, turns, hooks);
        _stdinReader = new StdinReader(stdin, lines, output, _exit, _lifetime.Token);
    }

    public async Task<int> RunAsync()
    {
        using (_lifetime.Token.Register(() => _exit.Request(130, "cancelled")))
        {
            // Started inline, not through Task.Run: each pool hop before system/init costs a thread wake-up (or creation) at start-up.
            // StartAsync returns at its first real await; reading stdin offloads itself.
            _ = StartAsync();
            var code = await _exit.Code.ConfigureAwait(false);
            _stdout.Close();
            await _lifetime.CancelAsync().ConfigureAwait(false);
            return code;
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        _queue.Dispose();
        _stdout.Dispose();
    }

    private async Task StartAsync()
    {
        try
        {
            await _steps.PlayAllAsync(_state.Scenario.Startup, _state.Lifetime).ConfigureAwait(false);
            if (!_exit.IsRequested && (!_state.SdkMode || await _authenticator.AuthenticateAsync().ConfigureAwait(false)))
            {
                await _state.Transcript.StartAsync(_output).ConfigureAwait(false);
                _ = _workLoop.RunAsync();
                _stdinReader.Start();
            }
        }
        catch (OperationCanceledException)
        {
            // Exiting.
        }
    }
}
