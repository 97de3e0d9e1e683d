using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The lease on one pooled process; the conversation itself is the process's <see cref="IQoderClient"/>.</summary>
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

    public string? SessionId => Client.SessionId;

    public int? ProcessId => _process.Process.ProcessId;

    public string? Model => _process.CurrentModel ?? _process.Process.InitMessage?.Model;

    public SystemInitMessage? InitMessage => _process.Process.InitMessage;

    public string StderrTail => _process.Process.StderrTail;

    public QoderInitializeResult? InitializationResult => Client.InitializationResult;

    private IQoderClient Client => _process.Process.Client;

    public Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return SendAsync(client => client.SendAsync(prompt, cancellationToken));
    }

    /// <summary>Sends a conversation's turn as it is, under its own uuid (a resend after a crash is then deduplicated by the CLI).</summary>
    internal Task<string> SendTurnAsync(QoderUserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SendAsync(_ => _process.Process.SendAsync(input, cancellationToken));
    }

    public Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SendAsync(client => client.SendAsync(input, cancellationToken));
    }

    private async Task<string> SendAsync(Func<IQoderClient, Task<string>> send)
    {
        ThrowIfDisposed();
        if (!_used)
        {
            // What the process wrote while idle belongs to no turn of this lease (and must not count as its prompt's acceptance).
            _process.Process.DiscardBufferedMessages();
            _process.Lease?.Open();
        }

        // Marked before the write: once a byte of a prompt may have reached the CLI, the process is no longer fresh.
        _used = true;
        try
        {
            return await send(Client).ConfigureAwait(false);
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
        var messages = Client.ReceiveResponseAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(messages).ConfigureAwait(false))
            {
                yield return messages.Current;
                if (messages.Current.EndsTurn())
                {
                    completed = true;
                    yield break;
                }
            }
        }
        finally
        {
            // A turn abandoned, cancelled, failed or ended without its result leaves the process unfit for reuse.
            if (!completed)
            {
                _broken = true;
            }

            await messages.DisposeAsync().ConfigureAwait(false);
        }
    }

    public Task InterruptAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return Client.InterruptAsync(cancellationToken);
    }

    public async Task SetModelAsync(string? model, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await Client.SetModelAsync(model, cancellationToken).ConfigureAwait(false);
        _process.CurrentModel = model;
    }

    public async Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await Client.SetPermissionModeAsync(mode, cancellationToken).ConfigureAwait(false);
        _process.CurrentPermissionMode = mode.ToEffectiveMode();
    }

    public Task<JsonElement?> SendControlRequestAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return Client.SendControlRequestAsync(request, cancellationToken);
    }

    /// <summary>
    /// The failure of a turn that ended without its result, with the exit code and stderr tail. Output ends just before
    /// the exit is observed, so the process gets its shutdown grace period to be seen gone.
    /// </summary>
    internal async Task<QoderTurnEndedWithoutResultException> TurnEndedWithoutResultAsync(TimeSpan exitGrace, TimeProvider time)
    {
        try
        {
            await _process.Process.Completion.WaitAsync(exitGrace, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still running (it closed its output only): report it as stopped, without an exit code.
        }

        return new(_process.Process.ExitCode, _process.Process.StderrTail);
    }

    /// <summary>Marks the process as unfit for reuse (a cancelled or failed run).</summary>
    internal void MarkBroken() => _broken = true;

    /// <summary>Gets the pooled process, which a conversation pinning this session may hand back to the pool.</summary>
    internal PooledProcess Process => _process;

    /// <summary>Gets a value indicating whether the process is still running and initialised.</summary>
    internal bool IsAlive => _disposed == 0 && _process.Process.IsConnected;

    /// <summary>Gets a task that completes when the process has exited.</summary>
    internal Task Exited => _process.Process.Completion;

    /// <summary>Ends the DI scope of the turn that just ended; the next turn's callbacks get a new one.</summary>
    internal ValueTask EndTurnScopeAsync() => _process.Lease?.RenewAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Ends the lease for <paramref name="reason"/>: the process is retired, and when <paramref name="drainGrace"/> is
    /// positive it first gets that long to exit on its own after stdin closes (a complete transcript).
    /// </summary>
    internal void End(string reason, TimeSpan drainGrace)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _process.DrainGrace = drainGrace;
            _pool.Release(_process, reusable: false, reason);
        }
    }

    /// <summary>Marks the session ended without releasing: the pool already took its process back.</summary>
    internal void Detach() => Interlocked.Exchange(ref _disposed, 1);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            var reusable = !_used && !_broken;
            _pool.Release(_process, reusable, _used ? "used" : "broken");
        }

        return ValueTask.CompletedTask;
    }

    // A session disposed while its turn is received ends its process: the receiver is told so, not that the CLI stopped.
    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<QoderMessage> messages)
    {
        bool more;
        try
        {
            more = await messages.MoveNextAsync().ConfigureAwait(false);
        }
        catch (QoderException ex) when (_disposed != 0)
        {
            throw DisposedDuringTurn(ex);
        }

        return more || _disposed == 0 ? more : throw DisposedDuringTurn(null);
    }

    private static ObjectDisposedException DisposedDuringTurn(Exception? cause) =>
        new("The session was disposed while its turn was being received; the turn ended with it.", cause);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);
}
