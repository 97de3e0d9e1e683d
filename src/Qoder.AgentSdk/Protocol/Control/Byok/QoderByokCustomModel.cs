using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A model of a custom BYOK provider, as given when saving the provider.</summary>
public sealed record QoderByokCustomModel
{
    /// <summary>Gets the model identifier.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the context window, in tokens.</summary>
    [JsonPropertyName("contextWindow")]
    public long? ContextWindow { get; init; }

    /// <summary>Gets the output limit, in tokens.</summary>
    [JsonPropertyName("maxOutputTokens")]
    public long? MaxOutputTokens { get; init; }

    /// <summary>
    /// Gets the capabilities in the CLI's shape (<c>tools</c>, <c>vision</c>, <c>cacheControl</c>, and <c>thinking</c> with
    /// <c>modes</c>, <c>preferredMode</c>, <c>supportsEffort</c>, <c>supportedEffortLevels</c>, …).
    /// </summary>
    [JsonPropertyName("capabilities")]
    public JsonObject? Capabilities { get; init; }
}
