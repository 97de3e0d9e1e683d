using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The outcome of checking a BYOK configuration without saving it (<c>check_byok_config</c>).</summary>
public sealed record QoderByokCheckResult
{
    /// <summary>Gets a value indicating whether the configuration works.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>Gets why it failed, with the given credentials replaced by <c>[REDACTED]</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets the failure code, such as <c>BYOK_CHECK_FAILED</c> or <c>BYOK_CHECK_CANCELLED</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Gets the control request id, to find the check in the CLI's log.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>Gets the details of a failure, when the CLI has them.</summary>
    [JsonPropertyName("details")]
    public QoderByokCheckDetails? Details { get; init; }
}
