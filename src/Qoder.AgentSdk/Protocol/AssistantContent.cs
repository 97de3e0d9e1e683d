using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The model message inside an <see cref="AssistantMessage"/>. The CLI sends one content block per message.</summary>
public sealed record AssistantContent
{
    /// <summary>Gets the model message id; blocks of one model message share it.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the object type, <c>message</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the role, <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>Gets the model (<c>&lt;synthetic&gt;</c> for errors the CLI made up).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the content blocks.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<ContentBlock> Content { get; init; } = [];

    /// <summary>Gets why the model stopped, such as <c>end_turn</c> or <c>tool_use</c>.</summary>
    [JsonPropertyName("stop_reason")]
    public string? StopReason { get; init; }

    /// <summary>Gets the stop sequence that ended the message, if any.</summary>
    [JsonPropertyName("stop_sequence")]
    public string? StopSequence { get; init; }

    /// <summary>Gets the token usage.</summary>
    [JsonPropertyName("usage")]
    public QoderUsage? Usage { get; init; }

    /// <summary>Gets the fields this client has no property for.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
