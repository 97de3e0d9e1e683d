using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The account's quota and usage.</summary>
public sealed record QoderAccountUsage
{
    /// <summary>Gets the user id.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    /// <summary>Gets the user type.</summary>
    [JsonPropertyName("userType")]
    public string? UserType { get; init; }

    /// <summary>Gets the share of the quota used, 0 to 100.</summary>
    [JsonPropertyName("totalUsagePercentage")]
    public double? TotalUsagePercentage { get; init; }

    /// <summary>Gets a value indicating whether the plan is the highest tier.</summary>
    [JsonPropertyName("isHighestTier")]
    public bool? IsHighestTier { get; init; }

    /// <summary>Gets when the plan expires, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("expiresAt")]
    public long? ExpiresAt { get; init; }

    /// <summary>Gets the upgrade page.</summary>
    [JsonPropertyName("upgradeUrl")]
    public string? UpgradeUrl { get; init; }

    /// <summary>Gets the plan quota.</summary>
    [JsonPropertyName("userQuota")]
    public QoderQuotaBucket? UserQuota { get; init; }

    /// <summary>Gets the add-on quota.</summary>
    [JsonPropertyName("addOnQuota")]
    public QoderQuotaBucket? AddOnQuota { get; init; }

    /// <summary>Gets a value indicating whether the quota is used up.</summary>
    [JsonPropertyName("isQuotaExceeded")]
    public bool? IsQuotaExceeded { get; init; }

    /// <summary>Gets a value indicating whether the plan quota is prorated.</summary>
    [JsonPropertyName("isPlanQuotaProrated")]
    public bool? IsPlanQuotaProrated { get; init; }

    /// <summary>Gets the organisation's resource package, as sent.</summary>
    [JsonPropertyName("orgResourcePackage")]
    public JsonElement? OrgResourcePackage { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
