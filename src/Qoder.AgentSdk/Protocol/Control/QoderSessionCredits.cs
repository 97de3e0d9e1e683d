using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Protocol;

/// <summary>The credits the session used.</summary>
public sealed record QoderSessionCredits
{
    /// <summary>Gets the credits of the session.</summary>
    [JsonPropertyName("total_credits")]
    public double TotalCredits { get; init; }

    /// <summary>Gets the credits per model.</summary>
    [JsonPropertyName("model_usage")]
    public IReadOnlyDictionary<string, QoderModelCredits> ModelUsage { get; init; } = new Dictionary<string, QoderModelCredits>();
}
