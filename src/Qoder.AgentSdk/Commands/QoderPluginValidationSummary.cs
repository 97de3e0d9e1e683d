using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>The counts of a plugin validation.</summary>
public sealed record QoderPluginValidationSummary
{
    /// <summary>Gets the number of errors.</summary>
    [JsonPropertyName("errorCount")]
    public int ErrorCount { get; init; }

    /// <summary>Gets the number of warnings.</summary>
    [JsonPropertyName("warningCount")]
    public int WarningCount { get; init; }

    /// <summary>Gets the number of components found.</summary>
    [JsonPropertyName("componentCount")]
    public int ComponentCount { get; init; }
}
