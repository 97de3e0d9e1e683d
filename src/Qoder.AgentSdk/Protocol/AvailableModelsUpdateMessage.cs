using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/available_models_update</c>: the models the session may use (replaces the previous list).</summary>
public sealed record AvailableModelsUpdateMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>available_models_update</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "available_models_update";

    /// <summary>Gets the models.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<QoderModelInfo> Models { get; init; } = [];

    /// <summary>Gets the current model.</summary>
    [JsonPropertyName("currentModel")]
    public string? CurrentModel { get; init; }
}
