using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A name in the two languages the BYOK catalog provides; an empty string means the language has none.</summary>
public sealed record QoderByokLocalizedName
{
    /// <summary>Gets the English name.</summary>
    [JsonPropertyName("en_us")]
    public string EnUs { get; init; } = "";

    /// <summary>Gets the Chinese name.</summary>
    [JsonPropertyName("cn_zh")]
    public string CnZh { get; init; } = "";
}
