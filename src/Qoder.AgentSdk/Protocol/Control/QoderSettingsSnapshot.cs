using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The CLI's settings (<c>get_settings</c>): each source, the merged result and what is applied.</summary>
public sealed record QoderSettingsSnapshot
{
    /// <summary>Gets the settings of each source.</summary>
    [JsonPropertyName("sources")]
    public QoderSettingsSources? Sources { get; init; }

    /// <summary>Gets the merged settings.</summary>
    [JsonPropertyName("effective")]
    public JsonElement? Effective { get; init; }

    /// <summary>Gets the settings applied at once.</summary>
    [JsonPropertyName("applied")]
    public QoderAppliedFlagSettings? Applied { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
