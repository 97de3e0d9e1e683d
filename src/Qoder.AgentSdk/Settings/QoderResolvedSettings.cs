using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Settings;

/// <summary>The CLI's settings files merged as the CLI merges them.</summary>
public sealed record QoderResolvedSettings
{
    /// <summary>Gets the merged settings.</summary>
    public required JsonObject Effective { get; init; }

    /// <summary>Gets, per top-level key, the last file that set it.</summary>
    public required IReadOnlyDictionary<string, QoderSettingsProvenance> Provenance { get; init; }

    /// <summary>Gets the files read, lowest precedence first (user, project, local).</summary>
    public required IReadOnlyList<QoderSettingsFile> Sources { get; init; }
}
