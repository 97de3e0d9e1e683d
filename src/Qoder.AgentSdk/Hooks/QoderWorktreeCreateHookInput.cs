using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A git worktree is to be created (<see cref="QoderHookEvent.WorktreeCreate"/>).</summary>
public sealed class QoderWorktreeCreateHookInput : QoderHookInput
{
    internal QoderWorktreeCreateHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Name = HookJson.String(raw, "name") ?? string.Empty;
    }

    /// <summary>Gets the worktree name.</summary>
    public string Name { get; }
}
