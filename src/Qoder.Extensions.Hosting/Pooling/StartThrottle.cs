namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// Bounds how many CLI processes start at once (<c>Qoder:Pool:MaxConcurrentStarts</c>): starts beyond the bound queue here
/// instead of competing for the cores with the sessions being read.
/// </summary>
internal sealed class StartThrottle(int maxConcurrentStarts) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentStarts);

    /// <summary>Connects <paramref name="client"/> once a start slot is free.</summary>
    public async Task ConnectAsync(IPooledClient client, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
