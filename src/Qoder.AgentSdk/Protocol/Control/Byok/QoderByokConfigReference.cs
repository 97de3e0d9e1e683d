using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Names one saved BYOK configuration: a catalog model by <see cref="Key"/> or a custom provider by <see cref="ProviderId"/>.</summary>
public sealed record QoderByokConfigReference
{
    /// <summary>Gets the storage key of a catalog model.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>Gets the identifier of a custom provider.</summary>
    [JsonPropertyName("providerId")]
    public string? ProviderId { get; init; }

    /// <summary>Names a catalog model configuration.</summary>
    /// <param name="key">Its storage key.</param>
    /// <returns>The reference.</returns>
    public static QoderByokConfigReference ForKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new() { Key = key };
    }

    /// <summary>Names a custom provider.</summary>
    /// <param name="providerId">Its identifier.</param>
    /// <returns>The reference.</returns>
    public static QoderByokConfigReference ForProvider(string providerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        return new() { ProviderId = providerId };
    }
}
