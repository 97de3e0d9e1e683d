using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A group of a BYOK provider's models (such as a coding plan or pay-as-you-go).</summary>
public sealed record QoderByokModelGroup
{
    /// <summary>Gets the group identifier, such as <c>cp</c>, <c>tp</c> or <c>pg</c>, when sent.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets the display name in both languages, when the server sends it.</summary>
    [JsonPropertyName("display_name_i18n")]
    public QoderByokLocalizedName? LocalizedDisplayName { get; init; }

    /// <summary>Gets the group's models.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<QoderByokModel> Models { get; init; } = [];
}
