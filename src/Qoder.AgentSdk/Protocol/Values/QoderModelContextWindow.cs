using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>One context window size a model offers (an entry of <see cref="QoderModelInfo.ContextConfig"/>).</summary>
public sealed record QoderModelContextWindow
{
    /// <summary>Gets the window size in tokens.</summary>
    [JsonPropertyName("token_count")]
    public long TokenCount { get; init; }

    /// <summary>Gets a value indicating whether this is the default size.</summary>
    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; init; }
}
