namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The end of host stop, when the shutdown time is up.</summary>
internal static class PoolShutdown
{
    /// <summary>Kills every tree side by side: one slow kill must not hold back the others against the host's deadline.</summary>
    public static Task KillAllAsync(IReadOnlyCollection<PooledProcess> processes) =>
        Task.WhenAll(processes.Select(p => Task.Run(p.Kill)));
}
