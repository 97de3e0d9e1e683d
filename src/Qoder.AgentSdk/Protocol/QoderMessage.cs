using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>
/// A message the CLI wrote to stdout and the client passes on. Fields this client does not know are kept in
/// <see cref="ExtensionData"/> and written back on serialisation, because the CLI adds optional fields in minor versions.
/// </summary>
public abstract record QoderMessage
{
    /// <summary>Gets the message type, such as <c>assistant</c> or <c>result</c>.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(RecurringStringConverter))]
    public string Type { get; init; } = string.Empty;

    /// <summary>Gets the message id.</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    /// <summary>Gets the session the message belongs to.</summary>
    [JsonPropertyName("session_id")]
    [JsonConverter(typeof(RecurringStringConverter))]
    public string? SessionId { get; init; }

    /// <summary>Gets the fields this client has no property for, exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Serialises the message back to one line of compact JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => QoderMessageSerializer.Serialize(this);
}
