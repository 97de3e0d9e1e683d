using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>One entry of a <see cref="QoderTodoWriteInput"/>.</summary>
public sealed record QoderTodoItem
{
    /// <summary>Gets the entry id, when the model gives one.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets what is to be done.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>Gets <c>pending</c>, <c>in_progress</c> or <c>completed</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Gets <c>low</c>, <c>medium</c> or <c>high</c>, when given.</summary>
    [JsonPropertyName("priority")]
    public string? Priority { get; init; }

    /// <summary>Gets fields this client does not know, kept so that a changed list round-trips them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
