using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>One visible message of a stored session, as <see cref="QoderSessionCatalog"/> reads it back.</summary>
/// <param name="Type"><c>user</c>, <c>assistant</c> or (when asked for) <c>system</c>.</param>
/// <param name="Uuid">The transcript uuid of the entry.</param>
/// <param name="SessionId">The session the entry belongs to.</param>
/// <param name="Message">The API message (<c>role</c>, <c>content</c>, ...), as written.</param>
public sealed record QoderSessionMessage(string Type, string Uuid, string SessionId, JsonElement Message)
{
    /// <summary>Gets the tool use that spawned the subagent this message belongs to; <see langword="null"/> in the main chain.</summary>
    public string? ParentToolUseId { get; init; }

    /// <summary>Gets the agent that spawned this message's subagent, when recorded.</summary>
    public string? ParentAgentId { get; init; }

    /// <summary>Gets a value indicating whether the CLI synthesised this assistant message from an API failure.</summary>
    public bool IsApiErrorMessage { get; init; }

    /// <summary>Gets the structured tool result stored beside a <c>tool_result</c> message.</summary>
    public JsonElement? ToolUseResult { get; init; }

    /// <summary>Gets the ISO 8601 time the entry was written, when recorded.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Gets the subtype of a <c>system</c> entry (for example <c>compact_boundary</c>).</summary>
    public string? Subtype { get; init; }
}
