using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A field a user fills in for a BYOK provider.</summary>
public sealed record QoderByokField
{
    /// <summary>Gets the field key, such as <c>api_key</c>.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets the display name in both languages, when the server sends it.</summary>
    [JsonPropertyName("display_name_i18n")]
    public QoderByokLocalizedName? LocalizedDisplayName { get; init; }

    /// <summary>Gets the field's input type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets whether the field must be filled, when the server says.</summary>
    [JsonPropertyName("mandatory")]
    public bool? Mandatory { get; init; }
}
