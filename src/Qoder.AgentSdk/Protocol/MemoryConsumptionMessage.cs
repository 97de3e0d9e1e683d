using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/memory_consumption</c>: the outcome of loading the memory files.</summary>
public sealed record MemoryConsumptionMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>memory_consumption</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "memory_consumption";

    /// <summary>Gets the outcome.</summary>
    [JsonPropertyName("result")]
    public QoderMemoryConsumptionResult? Result { get; init; }
}
