using Qoder.AgentSdk.Transport;

namespace Qoder.Conformance.Tests;

/// <summary>Installs the pinned real CLI once per test run (npm into the per-user cache when absent).</summary>
public static class RealCliInstall
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> GetCliPathAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return _path ??= await QoderCliInstaller.EnsureInstalledAsync().ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
