using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>
/// Where a store gets its database: a caller's database or connection (not owned), or a connection the store opens on
/// first use from a configuration string (owned, closed with the store). Opening lazily keeps host start-up and DI
/// resolution free of network waits; a Redis that is down at start-up fails the first append, not the host.
/// </summary>
internal sealed class RedisConnectionSource : IAsyncDisposable, IDisposable
{
    private readonly IDatabase? _database;
    private readonly ConfigurationOptions? _configuration;
    private readonly int _databaseNumber;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _owned;
    private bool _disposed;

    public RedisConnectionSource(IDatabase database) => _database = database;

    public RedisConnectionSource(string connectionString, int databaseNumber)
    {
        _configuration = ConfigurationOptions.Parse(connectionString);

        // Keep retrying in the background instead of failing the first command for good when Redis starts later.
        _configuration.AbortOnConnectFail = false;
        _databaseNumber = databaseNumber;
    }

    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_database is not null)
        {
            return _database;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _owned) is { } connected)
        {
            return connected.GetDatabase(_databaseNumber);
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _owned ??= await ConnectionMultiplexer.ConnectAsync(_configuration!).ConfigureAwait(false);
            return _owned.GetDatabase(_databaseNumber);
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>Closes an owned connection without waiting for in-flight commands (for containers disposed synchronously).</summary>
    public void Dispose()
    {
        _connectGate.Wait();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _owned?.Dispose();
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_owned is not null)
            {
                await _owned.CloseAsync().ConfigureAwait(false);
                _owned.Dispose();
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }
}
