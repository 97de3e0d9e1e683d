using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The credits one model used in the session.</summary>
public sealed record QoderModelCredits
{
    /// <summary>Gets the credits.</summary>
    [JsonPropertyName("credits")]
    public double Credits { get; init; }
}
