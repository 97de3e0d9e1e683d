using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>An instructions file (AGENTS.md and the like) was loaded (<see cref="QoderHookEvent.InstructionsLoaded"/>).</summary>
public sealed class QoderInstructionsLoadedHookInput : QoderHookInput
{
    internal QoderInstructionsLoadedHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        FilePath = HookJson.String(raw, "file_path") ?? string.Empty;
        MemoryType = HookJson.String(raw, "memory_type") ?? string.Empty;
        LoadReason = HookJson.String(raw, "load_reason") ?? string.Empty;
        Globs = HookJson.Strings(raw, "globs");
        TriggerFilePath = HookJson.String(raw, "trigger_file_path");
        ParentFilePath = HookJson.String(raw, "parent_file_path");
    }

    /// <summary>Gets the file.</summary>
    public string FilePath { get; }

    /// <summary>Gets <c>User</c>, <c>Project</c>, <c>Local</c> or <c>Managed</c>.</summary>
    public string MemoryType { get; }

    /// <summary>Gets why it was loaded, such as <c>session_start</c>.</summary>
    public string LoadReason { get; }

    /// <summary>Gets the globs that matched.</summary>
    public IReadOnlyList<string>? Globs { get; }

    /// <summary>Gets the file whose access loaded it.</summary>
    public string? TriggerFilePath { get; }

    /// <summary>Gets the file that included it.</summary>
    public string? ParentFilePath { get; }
}
