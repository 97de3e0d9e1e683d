using Qoder.AgentSdk.Transport;

namespace Qoder.Conformance.Tests;

/// <summary>Installs the pinned real CLI once per test run (npm into the per-user cache when absent).</summary>
public static class RealCliInstall
{
    private static readonly Lazy<Task<string>> Install = new(() => QoderCliInstaller.EnsureInstalledAsync());

    public static Task<string> GetCliPathAsync() => Install.Value;
}
