using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One quota of the account.</summary>
public sealed record QoderQuotaBucket
{
    /// <summary>Gets the quota.</summary>
    [JsonPropertyName("total")]
    public double? Total { get; init; }

    /// <summary>Gets what is used.</summary>
    [JsonPropertyName("used")]
    public double? Used { get; init; }

    /// <summary>Gets what remains.</summary>
    [JsonPropertyName("remaining")]
    public double? Remaining { get; init; }

    /// <summary>Gets the share used, 0 to 100.</summary>
    [JsonPropertyName("percentage")]
    public double? Percentage { get; init; }

    /// <summary>Gets the unit.</summary>
    [JsonPropertyName("unit")]
    public string? Unit { get; init; }

    /// <summary>Gets the page with details (add-on quotas).</summary>
    [JsonPropertyName("detailUrl")]
    public string? DetailUrl { get; init; }
}
