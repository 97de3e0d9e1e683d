using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>Where a stopped remote projection ended, to resume it later from <see cref="LastSequenceNumber"/>.</summary>
public sealed record QoderRemoteProjectionCheckpoint
{
    /// <summary>Gets the remote session the events went to.</summary>
    [JsonPropertyName("remote_session_id")]
    public string RemoteSessionId { get; init; } = "";

    /// <summary>Gets the sequence number of the last event sent.</summary>
    [JsonPropertyName("last_sequence_num")]
    public long LastSequenceNumber { get; init; }
}
