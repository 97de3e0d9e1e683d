using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The outcome of a tool call, sent back to the model.</summary>
public sealed record ToolResultBlock : ContentBlock
{
    /// <summary>Gets the id of the tool call this answers.</summary>
    [JsonPropertyName("tool_use_id")]
    public string ToolUseId { get; init; } = string.Empty;

    /// <summary>Gets the content: a string, or an array of text and image blocks.</summary>
    [JsonPropertyName("content")]
    public JsonElement? Content { get; init; }

    /// <summary>Gets a value indicating whether the tool failed or was denied.</summary>
    [JsonPropertyName("is_error")]
    public bool? IsError { get; init; }

    /// <summary>Gets the content as text: the string itself, or the text blocks joined by newlines.</summary>
    [JsonIgnore]
    public string ContentText => Content switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? string.Empty,
        { ValueKind: JsonValueKind.Array } a => string.Join('\n', a.EnumerateArray()
            .Where(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(b => b.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
