using Qoder.AgentSdk;
using Qoder.Extensions.Hosting.Callbacks;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>A process, the DI scope of the conversation it serves, and what the pool knows about it. Mutated only under the pool's lock.</summary>
internal sealed class PooledProcess
{
    public PooledProcess(string key, IPooledClient process, QoderAgentOptions options, LeaseScope? lease)
    {
        Key = key;
        Process = process;
        Lease = lease;
        CurrentModel = options.Model;
        CurrentPermissionMode = (options.PermissionMode ?? QoderPermissionMode.Default).ToEffectiveMode();
    }

    public string Key { get; }

    public IPooledClient Process { get; }

    /// <summary>Gets the scope the process's host callbacks run in: opened by the first prompt, ended at retirement.</summary>
    public LeaseScope? Lease { get; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ReturnedAt { get; set; }

    public string? CurrentModel { get; set; }

    public QoderPermissionMode CurrentPermissionMode { get; set; }

    public bool Retired { get; set; }

    /// <summary>Gets the options generation the process was started for; an options change makes older ones unreturnable.</summary>
    public int Generation { get; init; }

    /// <summary>Switches an idle process to the model and permission mode a lease asks for, when they differ.</summary>
    public async Task SwitchToAsync(QoderSessionOptions? lease, QoderAgentOptions agent, CancellationToken cancellationToken)
    {
        var model = lease?.Model ?? agent.Model;
        var mode = (lease?.PermissionMode ?? agent.PermissionMode ?? QoderPermissionMode.Default).ToEffectiveMode();
        if (!string.Equals(model, CurrentModel, StringComparison.Ordinal))
        {
            await Process.Client.SetModelAsync(model, cancellationToken).ConfigureAwait(false);
            CurrentModel = model;
        }

        if (mode != CurrentPermissionMode)
        {
            await Process.Client.SetPermissionModeAsync(mode, cancellationToken).ConfigureAwait(false);
            CurrentPermissionMode = mode;
        }
    }

    /// <summary>
    /// Gets or sets how long a retired process may take to exit on its own after stdin closes, before the usual shutdown
    /// sequence (SIGTERM, then kill) runs; zero skips the wait. Set for a conversation's process, whose transcript must be
    /// complete when it is resumed elsewhere.
    /// </summary>
    public TimeSpan DrainGrace { get; set; }

    /// <summary>
    /// Ends the conversation's scope first (a process serves one conversation), then stops the process. The gates of the
    /// memory and skill work the last turn started still run in that scope: that work is flushed before the scope ends.
    /// </summary>
    public async ValueTask DisposeAsync(TimeProvider time)
    {
        await Process.FlushPendingWorkAsync().ConfigureAwait(false);
        if (DrainGrace > TimeSpan.Zero)
        {
            Process.EndInput();
            await Task.WhenAny(Process.Completion, Task.Delay(DrainGrace, time)).ConfigureAwait(false);
        }

        if (Lease is not null)
        {
            await Lease.DisposeAsync().ConfigureAwait(false);
        }

        await Process.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Out of shutdown time: the tree dies at once while the scope is released in the background.</summary>
    public void Kill()
    {
        if (Lease is not null)
        {
            _ = Lease.DisposeAsync().AsTask();
        }

        Process.Abort();
    }
}
