using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>The worktree a WorktreeCreate hook created in place of the CLI.</summary>
public sealed class QoderWorktreeCreateHookOutput : QoderHookSpecificOutput
{
    /// <summary>Initializes a new instance of the <see cref="QoderWorktreeCreateHookOutput"/> class.</summary>
    /// <param name="worktreePath">The path of the created worktree.</param>
    public QoderWorktreeCreateHookOutput(string worktreePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(worktreePath);
        WorktreePath = worktreePath;
    }

    /// <inheritdoc/>
    public override QoderHookEvent HookEvent => QoderHookEvent.WorktreeCreate;

    /// <summary>Gets the path of the created worktree.</summary>
    public string WorktreePath { get; }

    private protected override void WriteFields(JsonObject json) => json["worktreePath"] = WorktreePath;
}
