using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The outcome of loading the configured memory files.</summary>
public sealed record QoderMemoryConsumptionResult
{
    /// <summary>Gets the status: <c>success</c>, <c>partial</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets each file's outcome.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyList<QoderMemoryConsumedFile> Files { get; init; } = [];
}
