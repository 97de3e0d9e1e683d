using System.Runtime.CompilerServices;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The lease on one pooled process.</summary>
internal sealed class QoderSession : IQoderSession
{
    private readonly QoderProcessPool _pool;
    private readonly PooledProcess _process;
    private volatile bool _used;
    private volatile bool _broken;
    private int _disposed;

    public QoderSession(QoderProcessPool pool, PooledProcess process)
    {
        _pool = pool;
        _process = process;
    }

    public string? SessionId => _process.Process.SessionId;

    public int? ProcessId => _process.Process.ProcessId;

    public string? Model => _process.CurrentModel ?? _process.Process.InitMessage?.Model;

    /// <summary>Gets a value indicating whether a prompt was sent (so the process cannot serve another conversation).</summary>
    internal bool Used => _used;

    public async Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ThrowIfDisposed();

        // Marked before the write: once a byte of a prompt may have reached the CLI, the process is no longer fresh.
        _used = true;
        try
        {
            return await _process.Process.SendAsync(prompt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _broken = true;
            throw;
        }
    }

    public async IAsyncEnumerable<QoderMessage> ReceiveResponseAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var completed = false;
        try
        {
            await foreach (var message in _process.Process.ReceiveResponseAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
                if (message is ResultMessage)
                {
                    completed = true;
                }
            }
        }
        finally
        {
            // A turn abandoned, cancelled or failed leaves the process in an unknown state: it must not be reused.
            if (!completed)
            {
                _broken = true;
            }
        }
    }

    public Task InterruptAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _process.Process.InterruptAsync(cancellationToken);
    }

    public async Task SetModelAsync(string? model, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _process.Process.SetModelAsync(model, cancellationToken).ConfigureAwait(false);
        _process.CurrentModel = model;
    }

    public async Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _process.Process.SetPermissionModeAsync(mode, cancellationToken).ConfigureAwait(false);
        _process.CurrentPermissionMode = mode == QoderPermissionMode.Yolo ? QoderPermissionMode.BypassPermissions : mode;
    }

    /// <summary>Marks the process as unfit for reuse (a cancelled or failed run).</summary>
    internal void MarkBroken() => _broken = true;

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            var reusable = !_used && !_broken;
            _pool.Release(_process, reusable, _used ? "used" : "broken");
        }

        return ValueTask.CompletedTask;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);
}
