using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The CLI's answer to <c>initialize</c>: what the session offers and which protocol capabilities the CLI has.</summary>
public sealed record QoderInitializeResult
{
    /// <summary>Gets the slash commands.</summary>
    [JsonPropertyName("commands")]
    public IReadOnlyList<QoderSlashCommand> Commands { get; init; } = [];

    /// <summary>Gets the subagents.</summary>
    [JsonPropertyName("agents")]
    public IReadOnlyList<QoderAgentInfo> Agents { get; init; } = [];

    /// <summary>Gets the skills.</summary>
    [JsonPropertyName("skills")]
    public IReadOnlyList<QoderSkillInfo> Skills { get; init; } = [];

    /// <summary>Gets the output style.</summary>
    [JsonPropertyName("output_style")]
    public string? OutputStyle { get; init; }

    /// <summary>Gets the output styles the CLI offers.</summary>
    [JsonPropertyName("available_output_styles")]
    public IReadOnlyList<string> AvailableOutputStyles { get; init; } = [];

    /// <summary>Gets the model catalog (empty when the CLI has none, as offline).</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<QoderModelInfo> Models { get; init; } = [];

    /// <summary>Gets the account.</summary>
    [JsonPropertyName("account")]
    public QoderAccountInfo? Account { get; init; }

    /// <summary>Gets the protocol capabilities, such as <c>goal_v1</c>.</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Gets the CLI's process id, when it says.</summary>
    [JsonPropertyName("pid")]
    public int? ProcessId { get; init; }

    /// <summary>Gets the fast-mode state.</summary>
    [JsonPropertyName("fast_mode_state")]
    public string? FastModeState { get; init; }

    /// <summary>Gets the permission mode after initialize, when reported.</summary>
    [JsonPropertyName("permissionMode")]
    public string? PermissionMode { get; init; }

    /// <summary>Gets the effective memory configuration, when SDK memory is on.</summary>
    [JsonPropertyName("memory")]
    public JsonElement? Memory { get; init; }

    /// <summary>Gets the effective skill evolution configuration, when on.</summary>
    [JsonPropertyName("evolution")]
    public JsonElement? Evolution { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Gets the CLI version from <c>system/init</c> (the response itself does not carry it), for error messages.</summary>
    [JsonIgnore]
    public string? CliVersion { get; init; }

    /// <summary>Tells whether the CLI advertised <paramref name="capability"/>, such as <c>goal_v1</c>.</summary>
    /// <param name="capability">The capability name.</param>
    /// <returns><see langword="true"/> when it is in <see cref="Capabilities"/>.</returns>
    public bool HasCapability(string capability) => Capabilities.Contains(capability, StringComparer.Ordinal);
}
