using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The settings the CLI applies at once after <c>apply_flag_settings</c>.</summary>
public sealed record QoderAppliedFlagSettings
{
    /// <summary>Gets the reasoning effort in force, if any.</summary>
    [JsonPropertyName("effort")]
    public string? Effort { get; init; }

    /// <summary>Gets a value indicating whether ultracode is on.</summary>
    [JsonPropertyName("ultracode")]
    public bool? Ultracode { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
