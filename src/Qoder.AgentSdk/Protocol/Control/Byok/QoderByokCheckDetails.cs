using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The details of a failed BYOK check.</summary>
public sealed record QoderByokCheckDetails
{
    /// <summary>Gets the input field at fault.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>Gets the provider's HTTP status.</summary>
    [JsonPropertyName("httpStatus")]
    public int? HttpStatus { get; init; }

    /// <summary>Gets the provider's own error code.</summary>
    [JsonPropertyName("upstreamCode")]
    public string? UpstreamCode { get; init; }
}
