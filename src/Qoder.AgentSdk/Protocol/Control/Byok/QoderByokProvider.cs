using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A third-party model provider of the server's BYOK (bring your own key) catalog (<c>get_byok_config</c>).</summary>
public sealed record QoderByokProvider
{
    /// <summary>Gets the provider identifier, such as <c>openai</c> or <c>deepseek</c>.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>Gets the display name (English first).</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>Gets the display name in both languages, when the server sends it.</summary>
    [JsonPropertyName("display_name_i18n")]
    public QoderByokLocalizedName? LocalizedDisplayName { get; init; }

    /// <summary>Gets where the provider comes from, such as <c>custom</c>, when the server says.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Gets the page where a user obtains an API key.</summary>
    [JsonPropertyName("api_key_url")]
    public string? ApiKeyUrl { get; init; }

    /// <summary>Gets the base URL of inference requests.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the fields a user fills in (such as <c>api_key</c>).</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<QoderByokField> Fields { get; init; } = [];

    /// <summary>Gets the provider's model groups.</summary>
    [JsonPropertyName("types")]
    public IReadOnlyList<QoderByokModelGroup> ModelGroups { get; init; } = [];
}
