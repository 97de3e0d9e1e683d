using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.CloudAgent;

/// <summary>The body of <c>POST /sessions/{id}/events</c>.</summary>
internal sealed record CloudSessionEventsBody([property: JsonPropertyName("events")] IReadOnlyList<CloudSessionInputEvent> Events);

/// <summary>One event sent to a session: <c>user.message</c> with its text, or <c>user.interrupt</c>.</summary>
internal sealed record CloudSessionInputEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string? Content);
