using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>What fills the context window (<c>get_context_usage</c>), as the <c>/context</c> command shows it.</summary>
public sealed record QoderContextUsage
{
    /// <summary>Gets the model.</summary>
    [JsonPropertyName("model")]
    public string Model { get; init; } = string.Empty;

    /// <summary>Gets the occupancy.</summary>
    [JsonPropertyName("contextWindow")]
    public QoderContextWindowUsage? ContextWindow { get; init; }

    /// <summary>Gets the estimate per category.</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<QoderContextCategory> Categories { get; init; } = [];

    /// <summary>Gets the auto-compaction settings.</summary>
    [JsonPropertyName("autoCompact")]
    public QoderAutoCompactSettings? AutoCompact { get; init; }

    /// <summary>Gets the skills' share.</summary>
    [JsonPropertyName("skills")]
    public QoderContextSkills? Skills { get; init; }

    /// <summary>Gets the files read more than once.</summary>
    [JsonPropertyName("duplicateFileReads")]
    public IReadOnlyList<QoderDuplicateFileRead> DuplicateFileReads { get; init; } = [];

    /// <summary>Gets what the session has done.</summary>
    [JsonPropertyName("session")]
    public QoderSessionActivity? Session { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
