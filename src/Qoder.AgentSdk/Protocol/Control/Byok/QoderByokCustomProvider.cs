using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// A user-scope custom BYOK provider to save, check or change. Saving and checking need <see cref="BaseUrl"/> and
/// <see cref="ApiKey"/>; in a change every property left <see langword="null"/> stays as it is.
/// </summary>
public sealed record QoderByokCustomProvider
{
    /// <summary>Gets the provider identifier.</summary>
    [JsonPropertyName("providerId")]
    public required string ProviderId { get; init; }

    /// <summary>Gets the base URL of inference requests.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; init; }

    /// <summary>Gets the API key.</summary>
    [JsonPropertyName("apiKey")]
    public string? ApiKey { get; init; }

    /// <summary>Gets the kind: <c>openai-compatible</c>, <c>alibaba</c> or <c>aliyun-bailian</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the protocol: <c>openai</c>, <c>openai-responses</c> or <c>anthropic</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>Gets how requests authenticate: <c>bearer</c> or <c>api-key</c>.</summary>
    [JsonPropertyName("authType")]
    public string? AuthType { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the default model.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the provider's models.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<QoderByokCustomModel>? Models { get; init; }

    /// <summary>Keeps the API key out of logs and exception messages.</summary>
    /// <returns>The record without its key.</returns>
    public override string ToString() => $"{nameof(QoderByokCustomProvider)} {{ ProviderId = {ProviderId}, BaseUrl = {BaseUrl} }}";
}
