using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A partial-message event (token deltas), sent only when partial messages are on. The full messages follow anyway.</summary>
public sealed record StreamEventMessage : QoderMessage
{
    /// <summary>Initializes a new instance of the <see cref="StreamEventMessage"/> class.</summary>
    public StreamEventMessage()
    {
    }

    private StreamEventMessage(byte[] eventUtf8) => _eventUtf8 = eventUtf8;

    // A message read from the CLI keeps its event as bytes until asked (most callers only count or forward deltas).
    private readonly JsonElement _event;
    private readonly byte[]? _eventUtf8;
    private JsonDocument? _eventDocument;

    /// <summary>Gets the raw event (<c>message_start</c>, <c>content_block_delta</c>, …).</summary>
    [JsonPropertyName("event")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Event
    {
        get => _eventUtf8 is null ? _event : Materialised(_eventUtf8);
        init
        {
            _event = value;
            _eventUtf8 = null;
        }
    }

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

    /// <summary>A message read from a line, its event kept as the line's bytes of it.</summary>
    internal static StreamEventMessage FromRawEvent(byte[] eventUtf8, string? uuid, string? sessionId, string? parentToolUseId) =>
        new(eventUtf8) { Type = "stream_event", Uuid = uuid, SessionId = sessionId, ParentToolUseId = parentToolUseId };

    private JsonElement? Delta =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object ? delta : null;

    private string? DeltaOf(string deltaType, string field) =>
        Delta is { } d && GetString(d, "type") == deltaType ? GetString(d, field) : null;

    /// <inheritdoc/>
    public bool Equals(StreamEventMessage? other) =>
        other is not null && base.Equals(other) && ParentToolUseId == other.ParentToolUseId
        && ReferenceEquals(_eventUtf8, other._eventUtf8) && EqualityComparer<JsonElement>.Default.Equals(_event, other._event);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ParentToolUseId, _eventUtf8, _event);

    // Parsed once and kept (the cache is not part of equality); a racing reader may parse too, and one document wins.
    private JsonElement Materialised(byte[] utf8)
    {
        if (Volatile.Read(ref _eventDocument) is not { } document)
        {
            var reader = new Utf8JsonReader(utf8);
            var parsed = JsonDocument.ParseValue(ref reader);
            document = Interlocked.CompareExchange(ref _eventDocument, parsed, null) ?? parsed;
        }

        return document.RootElement;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
