namespace Qoder.AgentSdk.Commands;

/// <summary>An uninstalled plugin.</summary>
/// <param name="PluginId">Its id.</param>
/// <param name="FullyRemoved">Whether nothing of it is left (it may stay installed in another scope).</param>
/// <param name="ReverseDependents">Installed plugins that depend on it.</param>
public sealed record QoderPluginUninstallResult(string PluginId, bool FullyRemoved, IReadOnlyList<string> ReverseDependents);
