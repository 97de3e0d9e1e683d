using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/memory_generation</c>: the outcome of a memory generation.</summary>
public sealed record MemoryGenerationMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>memory_generation</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "memory_generation";

    /// <summary>Gets the outcome.</summary>
    [JsonPropertyName("result")]
    public QoderMemoryGenerationResult? Result { get; init; }
}
