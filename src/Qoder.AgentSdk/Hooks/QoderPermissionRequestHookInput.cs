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
}
