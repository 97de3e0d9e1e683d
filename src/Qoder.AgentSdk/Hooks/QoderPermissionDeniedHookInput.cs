using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A tool call was denied (<see cref="QoderHookEvent.PermissionDenied"/>).</summary>
public sealed class QoderPermissionDeniedHookInput : QoderHookInput
{
    internal QoderPermissionDeniedHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        ToolName = HookJson.String(raw, "tool_name") ?? string.Empty;
        ToolInput = HookJson.Element(raw, "tool_input") ?? default;
        DenialReason = HookJson.String(raw, "denial_reason");
    }

    /// <summary>Gets the tool.</summary>
    public string ToolName { get; }

    /// <summary>Gets the tool's arguments.</summary>
    public JsonElement ToolInput { get; }

    /// <summary>Gets why the call was denied.</summary>
    public string? DenialReason { get; }

    /// <summary>Reads <see cref="ToolInput"/> as the typed input of a built-in tool.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape.</exception>
    public T ToolInputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(ToolInput, ToolName);
}
