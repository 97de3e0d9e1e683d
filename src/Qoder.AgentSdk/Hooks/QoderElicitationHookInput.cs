using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>An MCP server asks the user for input (<see cref="QoderHookEvent.Elicitation"/>).</summary>
public sealed class QoderElicitationHookInput : QoderHookInput
{
    internal QoderElicitationHookInput(JsonElement raw, string? envelopeToolUseId)
        : base(raw, envelopeToolUseId)
    {
        McpServerName = HookJson.String(raw, "mcp_server_name") ?? string.Empty;
        Message = HookJson.String(raw, "message") ?? string.Empty;
        Mode = HookJson.String(raw, "mode");
        Url = HookJson.String(raw, "url");
        ElicitationId = HookJson.String(raw, "elicitation_id");
        RequestedSchema = HookJson.Element(raw, "requested_schema");
    }

    /// <summary>Gets the server.</summary>
    public string McpServerName { get; }

    /// <summary>Gets what it asks.</summary>
    public string Message { get; }

    /// <summary>Gets <c>form</c> or <c>url</c>.</summary>
    public string? Mode { get; }

    /// <summary>Gets the URL to open in url mode.</summary>
    public string? Url { get; }

    /// <summary>Gets the request id.</summary>
    public string? ElicitationId { get; }

    /// <summary>Gets the JSON schema of the form.</summary>
    public JsonElement? RequestedSchema { get; }
}
