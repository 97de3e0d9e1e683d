namespace Qoder.AgentSdk;

/// <content>Per-event registrations: the callback receives its event's typed input, so it does not pattern-match.</content>
public sealed partial class QoderHookCollection
{
    /// <summary>Registers a callback for when a tool is about to run; the matcher filters tool names.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPreToolUse(string? matcher, Func<QoderPreToolUseHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PreToolUse, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a tool is about to run; the matcher filters tool names.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPreToolUse(Func<QoderPreToolUseHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PreToolUse, null, null, callback);

    /// <summary>Registers a callback for when a tool has run; the matcher filters tool names.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostToolUse(string? matcher, Func<QoderPostToolUseHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PostToolUse, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a tool has run; the matcher filters tool names.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostToolUse(Func<QoderPostToolUseHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PostToolUse, null, null, callback);

    /// <summary>Registers a callback for when a tool call failed; the matcher filters tool names.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostToolUseFailure(string? matcher, Func<QoderPostToolUseFailureHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PostToolUseFailure, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a tool call failed; the matcher filters tool names.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostToolUseFailure(Func<QoderPostToolUseFailureHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PostToolUseFailure, null, null, callback);

    /// <summary>Registers a callback for when a prompt is submitted.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnUserPromptSubmit(string? matcher, Func<QoderUserPromptSubmitHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.UserPromptSubmit, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a prompt is submitted.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnUserPromptSubmit(Func<QoderUserPromptSubmitHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.UserPromptSubmit, null, null, callback);

    /// <summary>Registers a callback for when the session starts; the matcher filters the source (<c>startup</c>, <c>resume</c>, …).</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSessionStart(string? matcher, Func<QoderSessionStartHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.SessionStart, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the session starts; the matcher filters the source (<c>startup</c>, <c>resume</c>, …).</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSessionStart(Func<QoderSessionStartHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.SessionStart, null, null, callback);

    /// <summary>Registers a callback for when the session ends.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSessionEnd(string? matcher, Func<QoderSessionEndHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.SessionEnd, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the session ends.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSessionEnd(Func<QoderSessionEndHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.SessionEnd, null, null, callback);

    /// <summary>Registers a callback for when the main agent finishes its turn.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnStop(string? matcher, Func<QoderStopHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.Stop, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the main agent finishes its turn.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnStop(Func<QoderStopHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.Stop, null, null, callback);

    /// <summary>Registers a callback for when the turn ended on an API error.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnStopFailure(string? matcher, Func<QoderStopFailureHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.StopFailure, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the turn ended on an API error.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnStopFailure(Func<QoderStopFailureHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.StopFailure, null, null, callback);

    /// <summary>Registers a callback for when a subagent starts; the matcher filters the agent type.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSubagentStart(string? matcher, Func<QoderSubagentStartHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.SubagentStart, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a subagent starts; the matcher filters the agent type.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSubagentStart(Func<QoderSubagentStartHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.SubagentStart, null, null, callback);

    /// <summary>Registers a callback for when a subagent finishes; the matcher filters the agent type.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSubagentStop(string? matcher, Func<QoderSubagentStopHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.SubagentStop, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a subagent finishes; the matcher filters the agent type.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSubagentStop(Func<QoderSubagentStopHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.SubagentStop, null, null, callback);

    /// <summary>Registers a callback for when the conversation is about to be compacted; the matcher filters the trigger.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPreCompact(string? matcher, Func<QoderPreCompactHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PreCompact, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the conversation is about to be compacted; the matcher filters the trigger.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPreCompact(Func<QoderPreCompactHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PreCompact, null, null, callback);

    /// <summary>Registers a callback for when the conversation was compacted; the matcher filters the trigger.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostCompact(string? matcher, Func<QoderPostCompactHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PostCompact, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the conversation was compacted; the matcher filters the trigger.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPostCompact(Func<QoderPostCompactHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PostCompact, null, null, callback);

    /// <summary>Registers a callback for when the CLI is about to ask for a tool permission; the matcher filters tool names.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPermissionRequest(string? matcher, Func<QoderPermissionRequestHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PermissionRequest, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the CLI is about to ask for a tool permission; the matcher filters tool names.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPermissionRequest(Func<QoderPermissionRequestHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PermissionRequest, null, null, callback);

    /// <summary>Registers a callback for when a tool call was denied; the matcher filters tool names.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPermissionDenied(string? matcher, Func<QoderPermissionDeniedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.PermissionDenied, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a tool call was denied; the matcher filters tool names.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnPermissionDenied(Func<QoderPermissionDeniedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.PermissionDenied, null, null, callback);

    /// <summary>Registers a callback for when the CLI sets up a project.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSetup(string? matcher, Func<QoderSetupHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.Setup, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the CLI sets up a project.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnSetup(Func<QoderSetupHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.Setup, null, null, callback);

    /// <summary>Registers a callback for when a git worktree is to be created.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnWorktreeCreate(string? matcher, Func<QoderWorktreeCreateHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.WorktreeCreate, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a git worktree is to be created.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnWorktreeCreate(Func<QoderWorktreeCreateHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.WorktreeCreate, null, null, callback);

    /// <summary>Registers a callback for when a git worktree is to be removed.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnWorktreeRemove(string? matcher, Func<QoderWorktreeRemoveHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.WorktreeRemove, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a git worktree is to be removed.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnWorktreeRemove(Func<QoderWorktreeRemoveHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.WorktreeRemove, null, null, callback);

    /// <summary>Registers a callback for when an instructions file was loaded.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnInstructionsLoaded(string? matcher, Func<QoderInstructionsLoadedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.InstructionsLoaded, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time an instructions file was loaded.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnInstructionsLoaded(Func<QoderInstructionsLoadedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.InstructionsLoaded, null, null, callback);

    /// <summary>Registers a callback for when the working directory changed.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnCwdChanged(string? matcher, Func<QoderCwdChangedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.CwdChanged, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the working directory changed.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnCwdChanged(Func<QoderCwdChangedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.CwdChanged, null, null, callback);

    /// <summary>Registers a callback for when a watched file changed.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnFileChanged(string? matcher, Func<QoderFileChangedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.FileChanged, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a watched file changed.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnFileChanged(Func<QoderFileChangedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.FileChanged, null, null, callback);

    /// <summary>Registers a callback for when a teammate has nothing to do.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTeammateIdle(string? matcher, Func<QoderTeammateIdleHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.TeammateIdle, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a teammate has nothing to do.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTeammateIdle(Func<QoderTeammateIdleHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.TeammateIdle, null, null, callback);

    /// <summary>Registers a callback for when a task was created.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTaskCreated(string? matcher, Func<QoderTaskCreatedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.TaskCreated, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a task was created.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTaskCreated(Func<QoderTaskCreatedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.TaskCreated, null, null, callback);

    /// <summary>Registers a callback for when a task was completed.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTaskCompleted(string? matcher, Func<QoderTaskCompletedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.TaskCompleted, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a task was completed.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnTaskCompleted(Func<QoderTaskCompletedHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.TaskCompleted, null, null, callback);

    /// <summary>Registers a callback for when an MCP server asks the user for input.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnElicitation(string? matcher, Func<QoderElicitationHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.Elicitation, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time an MCP server asks the user for input.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnElicitation(Func<QoderElicitationHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.Elicitation, null, null, callback);

    /// <summary>Registers a callback for when the user answered an MCP server.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnElicitationResult(string? matcher, Func<QoderElicitationResultHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.ElicitationResult, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time the user answered an MCP server.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnElicitationResult(Func<QoderElicitationResultHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.ElicitationResult, null, null, callback);

    /// <summary>Registers a callback for when a settings source changed.</summary>
    /// <param name="matcher">The matcher (see <see cref="QoderHookMatcher.Matcher"/>), or <see langword="null"/> for every occurrence.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnConfigChange(string? matcher, Func<QoderConfigChangeHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback, int? timeoutSeconds = null) =>
        AddTyped(QoderHookEvent.ConfigChange, matcher, timeoutSeconds, callback);

    /// <summary>Registers a callback for every time a settings source changed.</summary>
    /// <param name="callback">The callback.</param>
    /// <returns>This collection.</returns>
    public QoderHookCollection OnConfigChange(Func<QoderConfigChangeHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback) =>
        AddTyped(QoderHookEvent.ConfigChange, null, null, callback);

    private QoderHookCollection AddTyped<TInput>(QoderHookEvent hookEvent, string? matcher, int? timeoutSeconds, Func<TInput, CancellationToken, ValueTask<QoderHookOutput?>> callback)
        where TInput : QoderHookInput
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Add(hookEvent, matcher, timeoutSeconds, (input, cancellationToken) => input is TInput typed
            ? callback(typed, cancellationToken)
            : throw new QoderProtocolException($"A {hookEvent} hook was called with a {input.EventName} input."));
    }
}
