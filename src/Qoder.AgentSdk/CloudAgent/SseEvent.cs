namespace Qoder.AgentSdk.CloudAgent;

/// <summary>One dispatched Server-Sent Event: its id (if any), its name (<c>message</c> by default) and its joined data lines.</summary>
internal readonly record struct SseEvent(string? Id, string Event, string Data);
