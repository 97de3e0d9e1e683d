using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A git worktree is to be removed (<see cref="QoderHookEvent.WorktreeRemove"/>).</summary>
public sealed class QoderWorktreeRemoveHookInput : QoderHookInput
{
    internal QoderWorktreeRemoveHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        WorktreePath = HookJson.String(raw, "worktree_path") ?? string.Empty;
    }

    /// <summary>Gets the worktree's path.</summary>
    public string WorktreePath { get; }
}
