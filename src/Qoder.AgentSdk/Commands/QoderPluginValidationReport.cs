using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>The static validation of a local plugin folder (schema version 1); an invalid plugin is a report, not an error.</summary>
public sealed record QoderPluginValidationReport
{
    /// <summary>Gets the report schema version (1).</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; }

    /// <summary>Gets the program that validated.</summary>
    [JsonPropertyName("validator")]
    public QoderPluginValidator Validator { get; init; } = new();

    /// <summary>Gets a value indicating whether the plugin is valid.</summary>
    [JsonPropertyName("valid")]
    public bool Valid { get; init; }

    /// <summary>Gets the folder validated.</summary>
    [JsonPropertyName("target")]
    public QoderPluginValidationTarget Target { get; init; } = new();

    /// <summary>Gets the plugin found, if any.</summary>
    [JsonPropertyName("plugin")]
    public QoderPluginIdentity? Plugin { get; init; }

    /// <summary>Gets the problems found.</summary>
    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<QoderPluginDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Gets the counts.</summary>
    [JsonPropertyName("summary")]
    public QoderPluginValidationSummary Summary { get; init; } = new();

    /// <summary>Gets what the plugin brings, when it could be read.</summary>
    [JsonPropertyName("resources")]
    public QoderPluginResources? Resources { get; init; }
}
