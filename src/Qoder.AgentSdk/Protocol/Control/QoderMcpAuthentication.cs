using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>mcp_authenticate</c>.</summary>
public sealed record QoderMcpAuthentication
{
    /// <summary>Gets a value indicating whether the user must open <see cref="AuthUrl"/>; otherwise the CLI renewed the token itself.</summary>
    [JsonPropertyName("requiresUserAction")]
    public bool RequiresUserAction { get; init; }

    /// <summary>Gets the authorisation page to open.</summary>
    [JsonPropertyName("authUrl")]
    public string? AuthUrl { get; init; }
}
