using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/session_title_changed</c>: the session title changed.</summary>
public sealed record SessionTitleChangedMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>session_title_changed</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "session_title_changed";

    /// <summary>Gets the title.</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    /// <summary>Gets who set it: <c>ai</c> or <c>custom</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = string.Empty;

    /// <summary>Gets the revision, which grows with each change.</summary>
    [JsonPropertyName("revision")]
    public int Revision { get; init; }
}
