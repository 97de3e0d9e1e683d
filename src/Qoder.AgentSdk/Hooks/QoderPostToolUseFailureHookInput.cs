using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A tool call failed (<see cref="QoderHookEvent.PostToolUseFailure"/>).</summary>
public sealed class QoderPostToolUseFailureHookInput : QoderHookInput
{
    internal QoderPostToolUseFailureHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        ToolName = HookJson.String(raw, "tool_name") ?? string.Empty;
        ToolInput = HookJson.Element(raw, "tool_input") ?? default;
        Error = HookJson.String(raw, "error") ?? string.Empty;
        IsInterrupt = HookJson.Bool(raw, "is_interrupt") ?? false;
    }

    /// <summary>Gets the tool.</summary>
    public string ToolName { get; }

    /// <summary>Gets the tool's arguments.</summary>
    public JsonElement ToolInput { get; }

    /// <summary>Gets the error message.</summary>
    public string Error { get; }

    /// <summary>Gets whether the failure was an interrupt.</summary>
    public bool IsInterrupt { get; }

    /// <summary>Reads <see cref="ToolInput"/> as the typed input of a built-in tool.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape.</exception>
    public T ToolInputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(ToolInput, ToolName);
}
