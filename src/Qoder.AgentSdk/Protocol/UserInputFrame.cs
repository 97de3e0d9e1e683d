using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A user message written to stdin.</summary>
internal sealed record UserInputFrame
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "user";

    [JsonPropertyName("message")]
    public required UserInputContent Message { get; init; }

    // The official SDK always sends an explicit null here.
    [JsonPropertyName("parent_tool_use_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ParentToolUseId { get; init; }

    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    [JsonPropertyName("priority")]
    public string? Priority { get; init; }

    [JsonPropertyName("custom_context")]
    public IDictionary<string, string>? CustomContext { get; init; }
}

/// <summary>The message body of a <see cref="UserInputFrame"/>.</summary>
internal sealed record UserInputContent
{
    [JsonPropertyName("role")]
    public string Role { get; init; } = "user";

    [JsonPropertyName("content")]
    public required JsonNode Content { get; init; }
}
