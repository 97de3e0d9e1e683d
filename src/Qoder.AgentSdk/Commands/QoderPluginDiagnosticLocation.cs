using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>Where in a plugin a diagnostic points.</summary>
public sealed record QoderPluginDiagnosticLocation
{
    /// <summary>Gets the file or folder, relative to the plugin.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>Gets the JSON pointer within the file.</summary>
    [JsonPropertyName("jsonPointer")]
    public string? JsonPointer { get; init; }

    /// <summary>Gets the span within the file.</summary>
    [JsonPropertyName("range")]
    public QoderPluginTextRange? Range { get; init; }
}
