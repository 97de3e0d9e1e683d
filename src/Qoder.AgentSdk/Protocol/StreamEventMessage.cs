using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A partial-message event (token deltas), sent only when partial messages are on. The full messages follow anyway.</summary>
public sealed record StreamEventMessage : QoderMessage
{
    /// <summary>Gets the raw event (<c>message_start</c>, <c>content_block_delta</c>, …).</summary>
    [JsonPropertyName("event")]
    public JsonElement Event { get; init; }

    /// <summary>Gets the tool call of the subagent this belongs to, or <see langword="null"/>.</summary>
    [JsonPropertyName("parent_tool_use_id")]
    public string? ParentToolUseId { get; init; }

    /// <summary>Gets the event type, such as <c>content_block_delta</c>.</summary>
    [JsonIgnore]
    public string? EventType => GetString(Event, "type");

    /// <summary>Gets the delta type of a <c>content_block_delta</c>: <c>text_delta</c>, <c>input_json_delta</c>, <c>thinking_delta</c>, <c>signature_delta</c>.</summary>
    [JsonIgnore]
    public string? DeltaType => Delta is { } d ? GetString(d, "type") : null;

    /// <summary>Gets the text of a <c>text_delta</c>; <see langword="null"/> for every other delta.</summary>
    [JsonIgnore]
    public string? DeltaText => DeltaOf("text_delta", "text");

    /// <summary>Gets the reasoning of a <c>thinking_delta</c>; <see langword="null"/> for every other delta.</summary>
    [JsonIgnore]
    public string? DeltaThinking => DeltaOf("thinking_delta", "thinking");

    /// <summary>Gets the piece of tool-input JSON of an <c>input_json_delta</c>; <see langword="null"/> for every other delta.</summary>
    [JsonIgnore]
    public string? DeltaPartialJson => DeltaOf("input_json_delta", "partial_json");

    /// <summary>Gets the signature of a <c>signature_delta</c>; <see langword="null"/> for every other delta.</summary>
    [JsonIgnore]
    public string? DeltaSignature => DeltaOf("signature_delta", "signature");

    /// <summary>Gets the index of the content block a <c>content_block_*</c> event belongs to.</summary>
    [JsonIgnore]
    public int? BlockIndex =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("index", out var index) && index.TryGetInt32(out var value) ? value : null;

    private JsonElement? Delta =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object ? delta : null;

    private string? DeltaOf(string deltaType, string field) =>
        Delta is { } d && GetString(d, "type") == deltaType ? GetString(d, field) : null;

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
