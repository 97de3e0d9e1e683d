using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The turn ended on an API error (<see cref="QoderHookEvent.StopFailure"/>).</summary>
public sealed class QoderStopFailureHookInput : QoderHookInput
{
    internal QoderStopFailureHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        Error = HookJson.String(raw, "error") ?? string.Empty;
        ErrorDetails = HookJson.String(raw, "error_details");
        LastAssistantMessage = HookJson.String(raw, "last_assistant_message");
    }

    /// <summary>Gets the error kind, such as <c>rate_limit</c>.</summary>
    public string Error { get; }

    /// <summary>Gets details of the error.</summary>
    public string? ErrorDetails { get; }

    /// <summary>Gets the text of the last assistant message.</summary>
    public string? LastAssistantMessage { get; }
}
