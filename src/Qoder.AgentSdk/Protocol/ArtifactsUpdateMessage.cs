using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary><c>system/artifacts_update</c>: the files the session changed or presented (replace, do not merge).</summary>
public sealed record ArtifactsUpdateMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>artifacts_update</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "artifacts_update";

    /// <summary>Gets the artifacts.</summary>
    [JsonPropertyName("artifacts")]
    public IReadOnlyList<QoderArtifactInfo> Artifacts { get; init; } = [];
}
