using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>The program that validated a plugin.</summary>
public sealed record QoderPluginValidator
{
    /// <summary>Gets its name (<c>qodercli</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Gets its version.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";
}
