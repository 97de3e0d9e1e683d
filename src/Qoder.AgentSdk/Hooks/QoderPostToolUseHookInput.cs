using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A tool has run (<see cref="QoderHookEvent.PostToolUse"/>).</summary>
public sealed class QoderPostToolUseHookInput : QoderHookInput
{
    internal QoderPostToolUseHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        ToolName = HookJson.String(raw, "tool_name") ?? string.Empty;
        ToolInput = HookJson.Element(raw, "tool_input") ?? default;
        ToolResponse = HookJson.Element(raw, "tool_response");
    }

    /// <summary>Gets the tool.</summary>
    public string ToolName { get; }

    /// <summary>Gets the input the tool ran with (after any update by a hook or the permission callback).</summary>
    public JsonElement ToolInput { get; }

    /// <summary>Gets the tool's output, in a tool-specific shape (a content array for MCP tools).</summary>
    public JsonElement? ToolResponse { get; }

    /// <summary>Reads <see cref="ToolInput"/> as the typed input of a built-in tool.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape.</exception>
    public T ToolInputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(ToolInput, ToolName);
}
