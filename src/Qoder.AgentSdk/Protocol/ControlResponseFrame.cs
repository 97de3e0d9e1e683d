using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A <c>control_response</c> envelope.</summary>
internal sealed record ControlResponseFrame
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "control_response";

    [JsonPropertyName("response")]
    public required ControlResponseBody Response { get; init; }
}

/// <summary>The body of a <see cref="ControlResponseFrame"/>: success with an optional response, or an error.</summary>
internal sealed record ControlResponseBody
{
    [JsonPropertyName("subtype")]
    public required string Subtype { get; init; }

    [JsonPropertyName("request_id")]
    public required string RequestId { get; init; }

    [JsonPropertyName("response")]
    public JsonNode? Response { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }
}
