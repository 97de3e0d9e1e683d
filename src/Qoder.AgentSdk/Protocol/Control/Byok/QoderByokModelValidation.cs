using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A provider, model and API key to validate (<c>validate_byok_model</c>); nothing is saved.</summary>
public sealed record QoderByokModelValidation
{
    /// <summary>Gets the provider identifier, such as <c>openai</c>.</summary>
    [JsonPropertyName("provider")]
    public required string Provider { get; init; }

    /// <summary>Gets the provider's model identifier.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>Gets the user's API key for the provider.</summary>
    [JsonPropertyName("api_key")]
    public required string ApiKey { get; init; }

    /// <summary>Gets a base URL replacing the provider's.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the wire format, such as <c>openai</c>.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>Keeps the API key out of logs and exception messages.</summary>
    /// <returns>The record without its key.</returns>
    public override string ToString() => $"{nameof(QoderByokModelValidation)} {{ Provider = {Provider}, Model = {Model} }}";
}
