using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// One event of a Qoder Cloud session's event stream, passed on as received (<c>cloud_agent_event</c>); written only
/// when <see cref="QoderAgentOptions.ExperimentalCloudAgent"/> is set. Experimental: the Cloud API may change.
/// </summary>
public sealed record CloudAgentEventMessage : QoderMessage
{
    /// <summary>Gets the event type: the <c>type</c> field of the data, else the stream's event name (such as <c>agent.message</c> or <c>session.status_idle</c>).</summary>
    [JsonPropertyName("event")]
    public string Event { get; init; } = string.Empty;

    /// <summary>Gets the stream's event id, the position to replay from (<see cref="CloudAgent.CloudAgentStreamOptions.AfterId"/>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the event data: parsed JSON, or a JSON string when the data is not JSON.</summary>
    [JsonPropertyName("data")]
    public JsonElement Data { get; init; }
}
