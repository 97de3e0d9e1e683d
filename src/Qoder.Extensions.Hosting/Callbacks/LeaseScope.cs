using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>
/// The DI scope of the conversation a process serves. It opens with the first prompt (or the first callback, whichever
/// comes first) and ends when the process is retired, which is when its session ends: a process serves one conversation.
/// Ending it cancels the callbacks still running, waits for them, then disposes the scope.
/// </summary>
internal sealed class LeaseScope : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _ended = new();
    private AsyncServiceScope? _scope;
    private int _running;
    private TaskCompletionSource? _idle;
    private bool _closed;

    public LeaseScope(IServiceScopeFactory scopes, ILogger logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Gets the services of the lease, opening it when needed.</summary>
    public IServiceProvider Services
    {
        get
        {
            lock (_gate)
            {
                return OpenLocked();
            }
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            if (!_closed)
            {
                OpenLocked();
            }
        }
    }

    /// <summary>Runs a callback with the lease's services and a token that is also cancelled when the lease ends.</summary>
    public async ValueTask<TResult> RunAsync<TState, TResult>(
        Func<IServiceProvider, TState, CancellationToken, ValueTask<TResult>> callback,
        TState state,
        CancellationToken cancellationToken)
    {
        IServiceProvider services;
        lock (_gate)
        {
            services = OpenLocked();
            _running++;
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
            return await callback(services, state, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (--_running == 0)
                {
                    _idle?.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// Ends the current DI scope and lets the next prompt or callback open a new one: a conversation's process serves
    /// many turns, and each turn's callbacks resolve from a scope of their own.
    /// </summary>
    public async ValueTask RenewAsync()
    {
        AsyncServiceScope? scope;
        lock (_gate)
        {
            if (_closed || _running > 0)
            {
                return;
            }

            scope = _scope;
            _scope = null;
        }

        if (scope is { } open)
        {
            await DisposeScopeAsync(open).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the lease: cancels running callbacks, waits for them, disposes the scope.</summary>
    public async ValueTask DisposeAsync()
    {
        AsyncServiceScope? scope;
        Task running;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            scope = _scope;
            _scope = null;
            running = _running == 0 ? Task.CompletedTask : (_idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await _ended.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        _ended.Dispose();
        if (scope is { } open)
        {
            await DisposeScopeAsync(open).ConfigureAwait(false);
        }
    }

    private async ValueTask DisposeScopeAsync(AsyncServiceScope scope)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CallbackLog.ScopeDisposeFailed(_logger, ex);
        }
    }

    private IServiceProvider OpenLocked()
    {
        ObjectDisposedException.ThrowIf(_closed, typeof(LeaseScope));
        _scope ??= _scopes.CreateAsyncScope();
        return _scope.Value.ServiceProvider;
    }
}
