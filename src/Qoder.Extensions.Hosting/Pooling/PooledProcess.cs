using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>A process and what the pool knows about it. Mutated only under the pool's lock.</summary>
internal sealed class PooledProcess
{
    public PooledProcess(string key, IQoderProcess process, QoderAgentOptions options)
    {
        Key = key;
        Process = process;
        CurrentModel = options.Model;
        CurrentPermissionMode = options.PermissionMode == QoderPermissionMode.Yolo ? QoderPermissionMode.BypassPermissions : options.PermissionMode ?? QoderPermissionMode.Default;
    }

    public string Key { get; }

    public IQoderProcess Process { get; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ReturnedAt { get; set; }

    public string? CurrentModel { get; set; }

    public QoderPermissionMode CurrentPermissionMode { get; set; }

    public bool Retired { get; set; }

    /// <summary>Gets the options generation the process was started for; an options change makes older ones unreturnable.</summary>
    public int Generation { get; init; }
}
