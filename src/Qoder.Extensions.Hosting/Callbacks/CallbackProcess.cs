using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>A process whose callbacks are bound to its <see cref="LeaseScope"/>: the first prompt opens it, retirement ends it.</summary>
internal sealed class CallbackProcess : IQoderProcess
{
    private readonly IQoderProcess _inner;
    private readonly LeaseScope _lease;

    public CallbackProcess(IQoderProcess inner, LeaseScope lease)
    {
        _inner = inner;
        _lease = lease;
    }

    public int? ProcessId => _inner.ProcessId;

    public bool IsConnected => _inner.IsConnected;

    public Task Completion => _inner.Completion;

    public string? SessionId => _inner.SessionId;

    public SystemInitMessage? InitMessage => _inner.InitMessage;

    public Task ConnectAsync(CancellationToken cancellationToken) => _inner.ConnectAsync(cancellationToken);

    public Task<string> SendAsync(string prompt, CancellationToken cancellationToken)
    {
        _lease.Open();
        return _inner.SendAsync(prompt, cancellationToken);
    }

    public IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken) => _inner.ReceiveResponseAsync(cancellationToken);

    public Task InterruptAsync(CancellationToken cancellationToken) => _inner.InterruptAsync(cancellationToken);

    public Task SetModelAsync(string? model, CancellationToken cancellationToken) => _inner.SetModelAsync(model, cancellationToken);

    public Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken) => _inner.SetPermissionModeAsync(mode, cancellationToken);

    public void Kill()
    {
        // The host's shutdown time is up: the scope is released in the background while the tree dies.
        _ = _lease.DisposeAsync().AsTask();
        _inner.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        // The session is over (the pool retires a process once it has had a conversation): end its scope first.
        await _lease.DisposeAsync().ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
    }
}
