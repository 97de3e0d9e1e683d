using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>A tool is about to run (<see cref="QoderHookEvent.PreToolUse"/>).</summary>
public sealed class QoderPreToolUseHookInput : QoderHookInput
{
    internal QoderPreToolUseHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        ToolName = HookJson.String(raw, "tool_name") ?? string.Empty;
        ToolInput = HookJson.Element(raw, "tool_input") ?? default;
    }

    /// <summary>Gets the tool, such as <c>Write</c> or <c>mcp__server__tool</c>.</summary>
    public string ToolName { get; }

    /// <summary>Gets the tool's arguments.</summary>
    public JsonElement ToolInput { get; }

    /// <summary>Reads <see cref="ToolInput"/> as the typed input of a built-in tool.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape.</exception>
    public T ToolInputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(ToolInput, ToolName);
}
