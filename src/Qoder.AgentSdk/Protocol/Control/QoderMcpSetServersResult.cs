using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The answer to <c>mcp_set_servers</c>.</summary>
public sealed record QoderMcpSetServersResult
{
    /// <summary>Gets the servers added.</summary>
    [JsonPropertyName("added")]
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>Gets the servers removed.</summary>
    [JsonPropertyName("removed")]
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Gets the servers that failed, with the error.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
