using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The settings of each source, as the CLI read them.</summary>
public sealed record QoderSettingsSources
{
    /// <summary>Gets the user settings.</summary>
    [JsonPropertyName("user")]
    public JsonElement? User { get; init; }

    /// <summary>Gets the workspace settings.</summary>
    [JsonPropertyName("workspace")]
    public JsonElement? Workspace { get; init; }

    /// <summary>Gets the local settings.</summary>
    [JsonPropertyName("local")]
    public JsonElement? Local { get; init; }

    /// <summary>Gets the settings given by flag (<c>--settings</c>, <c>apply_flag_settings</c>).</summary>
    [JsonPropertyName("flag")]
    public JsonElement? Flag { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
