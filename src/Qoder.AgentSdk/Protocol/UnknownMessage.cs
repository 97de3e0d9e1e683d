using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>A message of a type this client does not know, passed through unchanged.</summary>
public sealed record UnknownMessage : QoderMessage
{
    /// <summary>Gets the whole message as received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }
}
