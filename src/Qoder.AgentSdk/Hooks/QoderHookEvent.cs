namespace Qoder.AgentSdk;

/// <summary>The hook events the CLI can call back for (docs/protocol.md, Hooks). The wire name is the member name.</summary>
public enum QoderHookEvent
{
    /// <summary>Before a tool runs; can deny it or change its input.</summary>
    PreToolUse,

    /// <summary>After a tool ran successfully.</summary>
    PostToolUse,

    /// <summary>After a tool failed.</summary>
    PostToolUseFailure,

    /// <summary>When a prompt is submitted, before the model sees it.</summary>
    UserPromptSubmit,

    /// <summary>When the session starts (with the first user message), resumes, is cleared or compacted.</summary>
    SessionStart,

    /// <summary>When the session ends.</summary>
    SessionEnd,

    /// <summary>When the agent is about to end its turn.</summary>
    Stop,

    /// <summary>When a turn ends with an error.</summary>
    StopFailure,

    /// <summary>When a subagent starts.</summary>
    SubagentStart,

    /// <summary>When a subagent is about to stop.</summary>
    SubagentStop,

    /// <summary>Before the conversation is compacted.</summary>
    PreCompact,

    /// <summary>After the conversation was compacted.</summary>
    PostCompact,

    /// <summary>When the working directory changes.</summary>
    CwdChanged,

    /// <summary>When an instructions file is loaded.</summary>
    InstructionsLoaded,

    /// <summary>When a watched file changes.</summary>
    FileChanged,

    /// <summary>Before the CLI asks for a tool permission; can decide it.</summary>
    PermissionRequest,

    /// <summary>After a tool permission was denied.</summary>
    PermissionDenied,

    /// <summary>When a worktree is created.</summary>
    WorktreeCreate,

    /// <summary>When a worktree is removed.</summary>
    WorktreeRemove,

    /// <summary>On setup (init or maintenance).</summary>
    Setup,

    /// <summary>When a teammate becomes idle.</summary>
    TeammateIdle,

    /// <summary>When a task is created.</summary>
    TaskCreated,

    /// <summary>When a task is completed.</summary>
    TaskCompleted,

    /// <summary>When an MCP server asks the user for input.</summary>
    Elicitation,

    /// <summary>After the user answered an MCP elicitation.</summary>
    ElicitationResult,

    /// <summary>When a settings source changes.</summary>
    ConfigChange,

    /// <summary>When the CLI shows a notification.</summary>
    Notification,
}
