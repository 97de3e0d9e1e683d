using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A prompt was submitted (<see cref="QoderHookEvent.UserPromptSubmit"/>).</summary>
public sealed class QoderUserPromptSubmitHookInput : QoderHookInput
{
    internal QoderUserPromptSubmitHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId) => Prompt = HookJson.String(raw, "prompt") ?? string.Empty;

    /// <summary>Gets the prompt text.</summary>
    public string Prompt { get; }
}
