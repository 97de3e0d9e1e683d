using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A <c>control_cancel_request</c>: the sender no longer wants the answer.</summary>
internal sealed record ControlCancelFrame
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "control_cancel_request";

    [JsonPropertyName("request_id")]
    public required string RequestId { get; init; }
}
