using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>An image: <c>{type:"base64", media_type, data}</c> or <c>{type:"url", url}</c> in <see cref="Source"/>.</summary>
public sealed record ImageBlock : ContentBlock
{
    /// <summary>Gets the image source.</summary>
    [JsonPropertyName("source")]
    public JsonElement Source { get; init; }
}
