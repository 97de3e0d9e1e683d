using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/init</c>: the session's set-up, sent after <c>initialize</c> and again at the start of every turn.</summary>
public sealed record SystemInitMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>init</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "init";

    /// <summary>Gets where the API key came from (observed <c>none</c>).</summary>
    [JsonPropertyName("apiKeySource")]
    public string? ApiKeySource { get; init; }

    /// <summary>Gets the CLI version, such as <c>1.1.52</c>.</summary>
    [JsonPropertyName("qodercli_version")]
    public string? QodercliVersion { get; init; }

    /// <summary>Gets the wire protocol version, such as <c>1.4.0</c>.</summary>
    [JsonPropertyName("protocol_version")]
    public string? ProtocolVersion { get; init; }

    /// <summary>Gets the agent's working directory on the CLI host.</summary>
    [JsonPropertyName("cwd")]
    public string? Cwd { get; init; }

    /// <summary>Gets the effective tool names.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Gets the MCP servers and their status at start-up (do not trust the status of in-process servers).</summary>
    [JsonPropertyName("mcp_servers")]
    public IReadOnlyList<McpServerInfo> McpServers { get; init; } = [];

    /// <summary>Gets the model (observed <c>auto</c>).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the permission mode in its wire spelling, such as <c>acceptEdits</c>.</summary>
    [JsonPropertyName("permissionMode")]
    public string? PermissionMode { get; init; }

    /// <summary>Gets the slash command names.</summary>
    [JsonPropertyName("slash_commands")]
    public IReadOnlyList<string> SlashCommands { get; init; } = [];

    /// <summary>Gets the output style.</summary>
    [JsonPropertyName("output_style")]
    public string? OutputStyle { get; init; }

    /// <summary>Gets the agent names.</summary>
    [JsonPropertyName("agents")]
    public IReadOnlyList<string>? Agents { get; init; }

    /// <summary>Gets the skill names.</summary>
    [JsonPropertyName("skills")]
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Gets the plugins (<c>{name, path, source?}</c> objects).</summary>
    [JsonPropertyName("plugins")]
    public JsonElement? Plugins { get; init; }

    /// <summary>Gets the protocol capabilities, such as <c>interrupt_receipt_v1</c>.</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>Gets the fast-mode state (<c>off</c>, <c>cooldown</c>, <c>on</c>).</summary>
    [JsonPropertyName("fast_mode_state")]
    public string? FastModeState { get; init; }
}
