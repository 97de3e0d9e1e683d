using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The account quota and the session's credits (<c>get_usage_info</c>).</summary>
public sealed record QoderUsageInfo
{
    /// <summary>Gets the account quota; <see langword="null"/> without a login or when the lookup failed.</summary>
    [JsonPropertyName("usage")]
    public QoderAccountUsage? Account { get; init; }

    /// <summary>Gets the session's credits.</summary>
    [JsonPropertyName("session")]
    public QoderSessionCredits? Session { get; init; }

    /// <summary>Gets why the account quota could not be read.</summary>
    [JsonPropertyName("usage_error")]
    public string? AccountError { get; init; }
}
