using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Commands;

/// <summary>An installed plugin, as <c>qodercli plugins list --json</c> reports it.</summary>
public sealed record QoderPluginDetails
{
    /// <summary>Gets the plugin id (<c>name@marketplace</c>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Gets the plugin name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Gets where it was installed from.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Gets the installed folder.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>Gets the version; <c>unknown</c> when the CLI reports none.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "unknown";

    /// <summary>Gets the scope: <c>user</c>, <c>project</c> or <c>local</c>.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "";

    /// <summary>Gets a value indicating whether it is enabled.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>Gets a value indicating whether it may be disabled.</summary>
    [JsonPropertyName("canDisable")]
    public bool CanDisable { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets when it was installed (ISO 8601, as the CLI wrote it).</summary>
    [JsonPropertyName("installedAt")]
    public string? InstalledAt { get; init; }

    /// <summary>Gets when it was last updated (ISO 8601, as the CLI wrote it).</summary>
    [JsonPropertyName("lastUpdated")]
    public string? LastUpdated { get; init; }

    /// <summary>Gets the project of a project or local plugin, when the CLI says.</summary>
    [JsonPropertyName("projectPath")]
    public string? ProjectPath { get; init; }

    /// <summary>Gets what it brings.</summary>
    [JsonPropertyName("resources")]
    public QoderPluginResources Resources { get; init; } = new();
}
