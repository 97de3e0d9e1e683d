using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Settings;

/// <summary>One settings file that was read.</summary>
/// <param name="Source">Its source: <c>user</c>, <c>project</c> or <c>local</c>.</param>
/// <param name="Path">Its full path.</param>
/// <param name="Settings">Its content.</param>
public sealed record QoderSettingsFile(string Source, string Path, JsonObject Settings);
