using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One block of a message's content: text, a tool call, a tool result, thinking, an image, or one this client does not know.</summary>
[JsonConverter(typeof(ContentBlockConverter))]
public abstract record ContentBlock
{
    /// <summary>Gets the block type, such as <c>text</c> or <c>tool_use</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
