namespace Qoder.AgentSdk.Settings;

/// <summary>The last file that set a top-level settings key.</summary>
/// <param name="Source">Its source: <c>user</c>, <c>project</c> or <c>local</c>.</param>
/// <param name="Path">Its full path.</param>
public sealed record QoderSettingsProvenance(string Source, string? Path);
