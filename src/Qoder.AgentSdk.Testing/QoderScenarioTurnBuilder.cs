using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing;

/// <summary>Fluent builder of a <see cref="QoderScenarioTurn"/> (also used for startup and initialize steps).</summary>
public sealed class QoderScenarioTurnBuilder
{
    private readonly QoderScenarioTurn _turn;
    private IList<QoderScenarioStep> _target;

    internal QoderScenarioTurnBuilder(QoderScenarioTurn turn)
    {
        _turn = turn;
        _target = turn.Steps;
    }

    /// <summary>An assistant text block (streamed as <paramref name="deltas"/> when partial messages are on).</summary>
    /// <param name="text">The text.</param>
    /// <param name="deltas">Optional partial-message chunks.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Text(string text, params string[] deltas) =>
        Add(new QoderScenarioStep { Type = "text", Text = text, Deltas = deltas.Length == 0 ? null : deltas });

    /// <summary>An assistant thinking block.</summary>
    /// <param name="thinking">The thinking text.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Thinking(string thinking) => Add(new QoderScenarioStep { Type = "thinking", Text = thinking });

    /// <summary>A tool_use block; the tool runs (after hooks and the permission prompt) when its model message is complete.</summary>
    /// <param name="name">Tool name, for example <c>Write</c> or <c>mcp__demo__echo</c>.</param>
    /// <param name="input">Tool input.</param>
    /// <param name="result">Tool output text for built-in tools.</param>
    /// <param name="isError">Marks the tool result as an error.</param>
    /// <param name="requiresPermission">Forces or skips the permission prompt.</param>
    /// <param name="id">A fixed tool_use id.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder ToolUse(string name, JsonObject input, string? result = null, bool? isError = null, bool? requiresPermission = null, string? id = null) =>
        Add(new QoderScenarioStep { Type = "tool_use", Name = name, Input = input, Result = result, IsError = isError, RequiresPermission = requiresPermission, Id = id });

    /// <summary>A tool_use block whose input is an object serialized to JSON (for example an anonymous type).</summary>
    /// <param name="name">Tool name.</param>
    /// <param name="input">Tool input object.</param>
    /// <param name="result">Tool output text for built-in tools.</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode("Serializes the input object by reflection; pass a JsonObject in trimmed or native AOT code.")]
    [RequiresDynamicCode("Serializes the input object by reflection; pass a JsonObject in trimmed or native AOT code.")]
    public QoderScenarioTurnBuilder ToolUse(string name, object input, string? result = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var node = input as JsonObject ?? JsonSerializer.SerializeToNode(input, input.GetType())?.AsObject() ?? [];
        return ToolUse(name, node, result);
    }

    /// <summary>
    /// Tool_use blocks in one model message whose permission prompts are all sent before any answer is awaited (the
    /// permission prompt is forced, even for read-only tools); the tools then run in order.
    /// </summary>
    /// <param name="tools">The tools' names and inputs.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder ConcurrentToolUses(params (string Name, JsonObject Input)[] tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        foreach (var (name, input) in tools)
        {
            Add(new QoderScenarioStep { Type = "tool_use", Name = name, Input = input, RequiresPermission = true, Concurrent = true });
        }

        return this;
    }

    /// <summary>
    /// A tool_use block whose permission prompt is withdrawn with <c>control_cancel_request</c> (no interrupt) when still
    /// unanswered after <paramref name="withdrawAfter"/>; the tool does not run and the turn goes on.
    /// </summary>
    /// <param name="name">Tool name.</param>
    /// <param name="input">Tool input.</param>
    /// <param name="withdrawAfter">How long the prompt stays open.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder ToolUseWithWithdrawnPrompt(string name, JsonObject input, TimeSpan withdrawAfter) =>
        Add(new QoderScenarioStep { Type = "tool_use", Name = name, Input = input, RequiresPermission = true, WithdrawPromptAfterMs = (int)withdrawAfter.TotalMilliseconds });

    /// <summary>Ends the current model message; the next block starts a new one.</summary>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder NewMessage() => Add(new QoderScenarioStep { Type = "new_message" });

    /// <summary>Pauses (interruptible).</summary>
    /// <param name="delay">How long.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Delay(TimeSpan delay) => Add(new QoderScenarioStep { Type = "delay", DelayMs = (int)delay.TotalMilliseconds });

    /// <summary>Blocks the turn until the host sends <c>interrupt</c> (or stdin ends).</summary>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder WaitForInterrupt() => Add(new QoderScenarioStep { Type = "wait_for_interrupt" });

    /// <summary>Writes an arbitrary JSON object as one stdout line.</summary>
    /// <param name="message">The message; <c>uuid</c> and <c>session_id</c> are added when absent.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Emit(JsonObject message) => Add(new QoderScenarioStep { Type = "emit", Message = message });

    /// <summary>
    /// Fires a hook event: a <c>hook_callback</c> goes to every callback registered for <paramref name="eventName"/> whose
    /// matcher matches (<c>tool_name</c> for tool events, else <c>trigger</c> or <c>source</c>, else all), with the base
    /// fields (<c>session_id</c>, <c>transcript_path</c>, <c>cwd</c>, <c>hook_event_name</c>, <c>permission_mode</c>) added;
    /// the answers are awaited and recorded.
    /// </summary>
    /// <param name="eventName">The wire event name, for example <c>PreCompact</c>.</param>
    /// <param name="input">The event's own input fields.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder HookEvent(string eventName, JsonObject input)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(input);
        return Add(new QoderScenarioStep { Type = "hook_event", Name = eventName, Input = input });
    }

    /// <summary>Sends a CLI→SDK control request (its body, with <c>subtype</c>) and waits for the host's answer, kept in <see cref="StandInRecording.ControlAnswers"/>.</summary>
    /// <param name="request">The request body, such as <c>{"subtype":"elicitation","mcp_server_name":"x","message":"…"}</c>.</param>
    /// <param name="timeout">How long to wait; the answer is then the error <c>timeout</c>. Unbounded by default.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder ControlRequest(JsonObject request, TimeSpan? timeout = null) =>
        Add(new QoderScenarioStep { Type = "control_request", Message = request, DelayMs = timeout is { } t ? (int)t.TotalMilliseconds : null });

    /// <summary>
    /// Asks the host for its artifact snapshot (<c>resolve_session_artifacts</c> with the session id and working directory)
    /// when <c>initialize</c> said <c>resolveSessionArtifacts: true</c>, as the CLI does, and announces a successful answer
    /// in <c>system/artifacts_update</c>; the answer is kept in <see cref="StandInRecording.ControlAnswers"/>. Without the
    /// initialize flag the step does nothing.
    /// </summary>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder ResolveSessionArtifacts() => Add(new QoderScenarioStep { Type = "resolve_session_artifacts" });

    /// <summary>Crashes: writes <paramref name="stderr"/> and exits with <paramref name="exitCode"/> at once.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="stderr">Text written to stderr first.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Crash(int exitCode = 1, string? stderr = null) => Add(new QoderScenarioStep { Type = "crash", ExitCode = exitCode, Text = stderr });

    /// <summary>Exits with <paramref name="exitCode"/> (an orderly exit, without stderr).</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Exit(int exitCode) => Add(new QoderScenarioStep { Type = "exit", ExitCode = exitCode });

    /// <summary>Hangs: no more output, stdin is read and ignored, EOF does not end the process.</summary>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Hang() => Add(new QoderScenarioStep { Type = "hang" });

    /// <summary>Writes one raw stdout line (default: a line that is not JSON).</summary>
    /// <param name="line">The line without its newline.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder RawLine(string line = "{this is not json") => Add(new QoderScenarioStep { Type = "raw_line", Text = line });

    /// <summary>Writes one valid JSON stdout line of about <paramref name="bytes"/> bytes (type <c>bogus_big</c>).</summary>
    /// <param name="bytes">Line length in bytes.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder OversizedLine(long bytes = 17L * 1024 * 1024) => Add(new QoderScenarioStep { Type = "oversized_line", Bytes = bytes });

    /// <summary>Writes text to stderr.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Stderr(string text) => Add(new QoderScenarioStep { Type = "stderr", Text = text });

    /// <summary>Writes <paramref name="bytes"/> bytes to stderr (blocks while the host does not drain stderr).</summary>
    /// <param name="bytes">How many bytes.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder StderrFlood(long bytes = 10L * 1024 * 1024) => Add(new QoderScenarioStep { Type = "stderr_flood", Bytes = bytes });

    /// <summary>Starts <c>sleep 600</c> without waiting for it; it outlives the stand-in unless the process tree is killed.</summary>
    /// <param name="inheritStdio">Whether the grandchild keeps the stand-in's stdio pipes open.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder SpawnGrandchild(bool inheritStdio = true) => Add(new QoderScenarioStep { Type = "spawn_grandchild", InheritStdio = inheritStdio });

    /// <summary>Configures the turn's <c>result</c>.</summary>
    /// <param name="configure">Sets the overrides.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Result(Action<QoderScenarioResult> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _turn.Result ??= new QoderScenarioResult();
        configure(_turn.Result);
        return this;
    }

    /// <summary>Adds steps played after the turn's <c>result</c> (for example a crash after the turn).</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder AfterResult(Action<QoderScenarioTurnBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _target;
        _target = _turn.AfterResult;
        try
        {
            configure(this);
        }
        finally
        {
            _target = previous;
        }

        return this;
    }

    /// <summary>Adds a step as is.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This builder.</returns>
    public QoderScenarioTurnBuilder Add(QoderScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _target.Add(step);
        return this;
    }
}
