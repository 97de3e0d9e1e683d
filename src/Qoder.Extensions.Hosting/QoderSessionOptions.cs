using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// What one session (or run) changes from its agent's options. <see cref="Model"/> and <see cref="PermissionMode"/> are
/// applied to a pooled process after the lease; the others shape the process's command line, so a lease that sets
/// them gets a process started with them (the pool keeps processes apart by those options).
/// </summary>
public sealed class QoderSessionOptions
{
    /// <summary>Gets or sets the model, switched with <c>set_model</c> after the lease.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the permission mode, switched with <c>set_permission_mode</c> after the lease.</summary>
    public QoderPermissionMode? PermissionMode { get; set; }

    /// <summary>Gets or sets the working directory (starts a process for it).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets or sets the tools (starts a process for them).</summary>
    public IList<string>? Tools { get; set; }

    /// <summary>Gets or sets the most model calls per turn (starts a process for it).</summary>
    public int? MaxTurns { get; set; }

    /// <summary>Gets or sets the system prompt (starts a process for it).</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Gets or sets text appended to the system prompt (starts a process for it).</summary>
    public string? AppendSystemPrompt { get; set; }

    /// <summary>Gets or sets a value indicating whether token deltas are streamed (starts a process for it).</summary>
    public bool? IncludePartialMessages { get; set; }

    /// <summary>
    /// Gets or sets the session to resume (<c>--resume</c>): the lease gets a process started for it, which continues that
    /// conversation's transcript. Set per session, never agent-wide, where the pool holds more than one process.
    /// </summary>
    public string? Resume { get; set; }

    /// <summary>Gets or sets the session id the new conversation takes (<c>--session-id</c>, starts a process for it).</summary>
    public string? SessionId { get; set; }

    /// <summary>Gets or sets a value indicating whether a resumed session continues under a new id (<c>--fork-session</c>).</summary>
    public bool? ForkSession { get; set; }

    /// <summary>Gets or sets the message of the resumed session to continue from (<c>--resume-session-at</c>).</summary>
    public string? ResumeSessionAt { get; set; }

    /// <summary>Gets a value indicating whether any option that shapes the command line is set.</summary>
    internal bool ShapesLaunch =>
        WorkingDirectory is not null || Tools is not null || MaxTurns is not null || SystemPrompt is not null
        || AppendSystemPrompt is not null || IncludePartialMessages is not null
        || Resume is not null || SessionId is not null || ForkSession is not null || ResumeSessionAt is not null;

    /// <summary>Applies the launch-shaping overrides to a copy of the agent's options.</summary>
    internal QoderAgentOptions ApplyTo(QoderAgentOptions baseOptions)
    {
        var options = baseOptions.Clone();
        options.WorkingDirectory = WorkingDirectory ?? options.WorkingDirectory;
        options.Tools = Tools is null ? options.Tools : [.. Tools];
        options.MaxTurns = MaxTurns ?? options.MaxTurns;
        options.SystemPrompt = SystemPrompt ?? options.SystemPrompt;
        options.AppendSystemPrompt = AppendSystemPrompt ?? options.AppendSystemPrompt;
        options.IncludePartialMessages = IncludePartialMessages ?? options.IncludePartialMessages;
        options.Resume = Resume ?? options.Resume;
        options.SessionId = SessionId ?? options.SessionId;
        options.ForkSession = ForkSession ?? options.ForkSession;
        options.ResumeSessionAt = ResumeSessionAt ?? options.ResumeSessionAt;
        return options;
    }
}
