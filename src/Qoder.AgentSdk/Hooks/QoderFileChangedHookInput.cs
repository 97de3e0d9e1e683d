using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A watched file changed (<see cref="QoderHookEvent.FileChanged"/>).</summary>
public sealed class QoderFileChangedHookInput : QoderHookInput
{
    internal QoderFileChangedHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        FilePath = HookJson.String(raw, "file_path") ?? string.Empty;
        ChangeKind = HookJson.String(raw, "event") ?? string.Empty;
    }

    /// <summary>Gets the file.</summary>
    public string FilePath { get; }

    /// <summary>Gets <c>change</c>, <c>add</c> or <c>unlink</c>.</summary>
    public string ChangeKind { get; }
}
