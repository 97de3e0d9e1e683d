using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The user answered an MCP server's question (<see cref="QoderHookEvent.ElicitationResult"/>).</summary>
public sealed class QoderElicitationResultHookInput : QoderHookInput
{
    internal QoderElicitationResultHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        McpServerName = HookJson.String(raw, "mcp_server_name") ?? string.Empty;
        ElicitationId = HookJson.String(raw, "elicitation_id");
        Mode = HookJson.String(raw, "mode");
        Action = HookJson.String(raw, "action") ?? string.Empty;
        Content = HookJson.Element(raw, "content");
    }

    /// <summary>Gets the server.</summary>
    public string McpServerName { get; }

    /// <summary>Gets the request id.</summary>
    public string? ElicitationId { get; }

    /// <summary>Gets <c>form</c> or <c>url</c>.</summary>
    public string? Mode { get; }

    /// <summary>Gets <c>accept</c>, <c>decline</c> or <c>cancel</c>.</summary>
    public string Action { get; }

    /// <summary>Gets the answers.</summary>
    public JsonElement? Content { get; }
}
