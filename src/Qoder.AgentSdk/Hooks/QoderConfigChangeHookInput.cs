using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A settings source changed (<see cref="QoderHookEvent.ConfigChange"/>).</summary>
public sealed class QoderConfigChangeHookInput : QoderHookInput
{
    internal QoderConfigChangeHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Source = HookJson.String(raw, "source") ?? string.Empty;
        FilePath = HookJson.String(raw, "file_path");
    }

    /// <summary>Gets which settings, such as <c>user_settings</c>.</summary>
    public string Source { get; }

    /// <summary>Gets the changed file.</summary>
    public string? FilePath { get; }
}
