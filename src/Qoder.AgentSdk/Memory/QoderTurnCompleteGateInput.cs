using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Memory;

/// <summary>
/// The completed turn a gate decides on (<c>memory_should_generate</c>, <c>skill_evolution_should_review</c>): the CLI
/// asks before it starts the background memory agent or the skill review.
/// </summary>
public sealed record QoderTurnCompleteGateInput
{
    /// <summary>Gets the CLI's session id.</summary>
    [JsonPropertyName("sessionId")]
    public string SessionId { get; init; } = string.Empty;

    /// <summary>Gets the model request id, when the CLI has one.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>Gets the turn's request-set id, when the CLI has one.</summary>
    [JsonPropertyName("requestSetId")]
    public string? RequestSetId { get; init; }

    /// <summary>Gets the one-based number of the completed turn.</summary>
    [JsonPropertyName("turnIndex")]
    public int TurnIndex { get; init; }

    /// <summary>Gets the CLI's working directory.</summary>
    [JsonPropertyName("cwd")]
    public string Cwd { get; init; } = string.Empty;

    /// <summary>Gets the user's prompt of the turn.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Gets the final assistant response of the turn.</summary>
    [JsonPropertyName("response")]
    public string Response { get; init; } = string.Empty;
}
