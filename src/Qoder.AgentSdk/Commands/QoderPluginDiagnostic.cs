using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>A problem found in a plugin.</summary>
public sealed record QoderPluginDiagnostic
{
    /// <summary>Gets the severity: <c>error</c> or <c>warning</c>.</summary>
    [JsonPropertyName("severity")]
    public string Severity { get; init; } = "";

    /// <summary>Gets the code, such as <c>plugin.installability.no_content</c>.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    /// <summary>Gets the message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>Gets the phase: <c>target</c>, <c>manifest</c>, <c>component</c>, <c>load-simulation</c> or <c>installability</c>.</summary>
    [JsonPropertyName("phase")]
    public string Phase { get; init; } = "";

    /// <summary>Gets where it is.</summary>
    [JsonPropertyName("location")]
    public QoderPluginDiagnosticLocation? Location { get; init; }

    /// <summary>Gets a suggested fix.</summary>
    [JsonPropertyName("suggestion")]
    public string? Suggestion { get; init; }
}
