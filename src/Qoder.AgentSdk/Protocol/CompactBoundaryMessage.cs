using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/compact_boundary</c>: the context was compacted.</summary>
public sealed record CompactBoundaryMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>compact_boundary</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "compact_boundary";

    /// <summary>Gets the details: <c>{trigger, pre_tokens, post_tokens?, …}</c>.</summary>
    [JsonPropertyName("compact_metadata")]
    public JsonElement? CompactMetadata { get; init; }
}
