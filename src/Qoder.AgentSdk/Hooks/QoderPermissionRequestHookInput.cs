using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The CLI is about to ask for a tool permission (<see cref="QoderHookEvent.PermissionRequest"/>); there is no tool_use id.</summary>
public sealed class QoderPermissionRequestHookInput : QoderHookInput
{
    internal QoderPermissionRequestHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        ToolName = HookJson.String(raw, "tool_name") ?? string.Empty;
        ToolInput = HookJson.Element(raw, "tool_input") ?? default;
        PermissionSuggestions = HookJson.Element(raw, "permission_suggestions");
    }

    /// <summary>Gets the tool.</summary>
    public string ToolName { get; }

    /// <summary>Gets the tool's arguments.</summary>
    public JsonElement ToolInput { get; }

    /// <summary>Gets the permission updates the CLI suggests (an array of PermissionUpdate objects), if any.</summary>
    public JsonElement? PermissionSuggestions { get; }

    /// <summary>Reads <see cref="ToolInput"/> as the typed input of a built-in tool.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape.</exception>
    public T ToolInputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(ToolInput, ToolName);
}
