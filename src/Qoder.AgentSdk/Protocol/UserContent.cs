using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The message inside a <see cref="UserMessage"/>; its content is a string or an array of blocks.</summary>
public sealed record UserContent
{
    /// <summary>Gets the role, <c>user</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "user";

    /// <summary>Gets the content as sent: a string or an array of blocks.</summary>
    [JsonPropertyName("content")]
    public JsonElement Content { get; init; }

    /// <summary>Gets the fields this client has no property for.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Gets the content as blocks (a string content is one <see cref="TextBlock"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<ContentBlock> Blocks => Content.ValueKind switch
    {
        JsonValueKind.String => [new TextBlock { Type = "text", Text = Content.GetString() ?? string.Empty }],
        JsonValueKind.Array => QoderMessageSerializer.ParseBlocks(Content),
        _ => [],
    };
}
