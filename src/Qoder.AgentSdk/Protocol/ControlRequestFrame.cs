using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A <c>control_request</c> envelope. The CLI drops envelopes with any other top-level field.</summary>
internal sealed record ControlRequestFrame
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "control_request";

    [JsonPropertyName("request_id")]
    public required string RequestId { get; init; }

    [JsonPropertyName("request")]
    public required JsonObject Request { get; init; }
}
