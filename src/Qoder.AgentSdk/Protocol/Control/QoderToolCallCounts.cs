using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The tool calls of the session.</summary>
public sealed record QoderToolCallCounts
{
    /// <summary>Gets all calls.</summary>
    [JsonPropertyName("total")]
    public int Total { get; init; }

    /// <summary>Gets the calls that succeeded.</summary>
    [JsonPropertyName("succeeded")]
    public int Succeeded { get; init; }

    /// <summary>Gets the calls that failed.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; init; }
}
