namespace Qoder.Extensions.Hosting.Conversations;

/// <summary>
/// One turn at a time per conversation; what a second turn does is the concurrency policy's. The semaphore needs no
/// disposal (no wait handle is ever taken), so a gate can be dropped while a late caller still waits on it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim holds nothing to dispose unless its wait handle is taken, which never happens here.")]
internal sealed class TurnGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private int _waiting;

    /// <summary>Enters for one turn, as <paramref name="options"/> say; dispose the result to leave.</summary>
    public async ValueTask<Releaser> EnterAsync(string conversationId, string section, QoderConversationsOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await _semaphore.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return new Releaser(_semaphore);
        }

        var policy = options.Concurrency;
        if (policy == QoderConversationConcurrency.Reject)
        {
            throw new QoderConversationBusyException(conversationId, section, policy);
        }

        if (Interlocked.Increment(ref _waiting) > options.MaxQueuedTurns && policy == QoderConversationConcurrency.Queue)
        {
            Interlocked.Decrement(ref _waiting);
            throw new QoderConversationBusyException(conversationId, section, policy);
        }

        try
        {
            if (policy == QoderConversationConcurrency.Queue)
            {
                await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
                return new Releaser(_semaphore);
            }

            using var timeout = new CancellationTokenSource(options.TurnWaitTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _semaphore.WaitAsync(linked.Token).ConfigureAwait(false);
                return new Releaser(_semaphore);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new QoderConversationBusyException(conversationId, section, policy);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Enters whatever the policy, waiting as long as the caller does (closing and deleting a conversation).</summary>
    public async ValueTask<Releaser> EnterAlwaysAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_semaphore);
    }

    /// <summary>Leaves the gate once.</summary>
    internal sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
