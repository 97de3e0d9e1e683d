namespace Qoder.AgentSdk.Commands;

/// <summary>An installed plugin.</summary>
/// <param name="PluginId">Its id (<c>name@marketplace</c>).</param>
/// <param name="Version">Its version; <c>local</c> when the CLI reports none.</param>
/// <param name="Path">Its installed folder.</param>
public sealed record QoderPluginInstallResult(string PluginId, string Version, string Path);
