using System.Text.Json.Serialization;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// <c>system/mirror_error</c>: written by the client, not the CLI, when the <see cref="QoderAgentOptions.SessionStore"/>
/// did not take mirrored transcript entries. The turn itself goes on; the store is missing those entries.
/// </summary>
public sealed record MirrorErrorMessage : QoderMessage
{
    /// <summary>Gets the subtype, <c>mirror_error</c>.</summary>
    [JsonPropertyName("subtype")]
    public string Subtype { get; init; } = "mirror_error";

    /// <summary>Gets what went wrong (the store's error, a timeout, or a frame naming no valid transcript).</summary>
    [JsonPropertyName("error")]
    public string Error { get; init; } = string.Empty;

    /// <summary>Gets the transcript whose entries were not stored, or <see langword="null"/> when the frame named none.</summary>
    [JsonPropertyName("key")]
    [JsonConverter(typeof(SessionKeyJsonConverter))]
    public QoderSessionKey? Key { get; init; }
}
