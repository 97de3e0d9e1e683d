using System.Text.Json;
using Qoder.AgentSdk.Sessions;
using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>
/// A <see cref="IQoderSessionStore"/> in Redis, with the key layout of the official Qoder SDK samples' Redis store, so
/// Python, TypeScript and .NET hosts configured with the same prefix resume each other's sessions.
/// </summary>
/// <remarks>
/// <para>
/// Each transcript is a list with one JSON entry per element. An append pushes the batch and updates the index (the
/// session's modification time, or the set of subpaths) in one transaction, so a batch is never split or interleaved
/// with another appender's. A session's modification time is the time of its last main-transcript append, in Unix
/// milliseconds from the store's <see cref="TimeProvider"/>.
/// </para>
/// <para>Keys never expire on their own: delete sessions with <see cref="DeleteAsync"/> or set a Redis-side policy.</para>
/// </remarks>
public sealed class QoderRedisSessionStore : IQoderSessionStore, IAsyncDisposable, IDisposable
{
    private readonly RedisConnectionSource _connection;
    private readonly RedisSessionKeys _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates a store over a database the caller owns.</summary>
    /// <param name="database">The database (from <see cref="IConnectionMultiplexer.GetDatabase"/>); not disposed by the store.</param>
    /// <param name="prefix">The key prefix; <see cref="QoderRedisSessionStoreOptions.DefaultPrefix"/> when omitted.</param>
    /// <param name="timeProvider">The clock for modification times; the system clock when omitted.</param>
    public QoderRedisSessionStore(IDatabase database, string? prefix = null, TimeProvider? timeProvider = null)
        : this(new RedisConnectionSource(database ?? throw new ArgumentNullException(nameof(database))), prefix, timeProvider)
    {
    }

    /// <summary>Creates a store over a connection the caller owns.</summary>
    /// <param name="connection">The connection; not disposed by the store.</param>
    /// <param name="options">The prefix and database number; the connection string is ignored.</param>
    /// <param name="timeProvider">The clock for modification times; the system clock when omitted.</param>
    public QoderRedisSessionStore(IConnectionMultiplexer connection, QoderRedisSessionStoreOptions? options = null, TimeProvider? timeProvider = null)
        : this(
            new RedisConnectionSource((connection ?? throw new ArgumentNullException(nameof(connection))).GetDatabase(options?.Database ?? -1)),
            options?.Prefix,
            timeProvider)
    {
    }

    /// <summary>Creates a store that opens its own connection from <see cref="QoderRedisSessionStoreOptions.ConnectionString"/> on first use.</summary>
    /// <param name="options">The connection string, prefix and database number.</param>
    /// <param name="timeProvider">The clock for modification times; the system clock when omitted.</param>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public QoderRedisSessionStore(QoderRedisSessionStoreOptions options, TimeProvider? timeProvider = null)
        : this(OwnedConnection(options), options.Prefix, timeProvider)
    {
    }

    private QoderRedisSessionStore(RedisConnectionSource connection, string? prefix, TimeProvider? timeProvider)
    {
        prefix ??= QoderRedisSessionStoreOptions.DefaultPrefix;
        if (string.IsNullOrWhiteSpace(RedisSessionKeys.NormalizePrefix(prefix)))
        {
            throw new ArgumentException("The Redis session store needs a non-empty key prefix (QoderRedisSessionStoreOptions.Prefix).", nameof(prefix));
        }

        _connection = connection;
        _keys = new RedisSessionKeys(prefix);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the key prefix in use, without trailing separators.</summary>
    public string Prefix => _keys.Prefix;

    /// <inheritdoc />
    public async Task AppendAsync(QoderSessionKey key, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var values = new RedisValue[entries.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = entries[i].GetRawText();
        }

        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var transaction = database.CreateTransaction();
        var push = transaction.ListRightPushAsync(_keys.Entries(key), values);
        var index = key.Subpath is null
            ? transaction.SortedSetAddAsync(_keys.Sessions(key.ProjectKey), key.SessionId, _time.GetUtcNow().ToUnixTimeMilliseconds())
            : transaction.SetAddAsync(_keys.Subkeys(key.ProjectKey, key.SessionId), key.Subpath);
        await ExecuteAsync(transaction, [push, index], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonElement>?> LoadAsync(QoderSessionKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var redisKey = _keys.Entries(key);
        var values = await database.ListRangeAsync(redisKey).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (values.Length == 0)
        {
            return null;
        }

        var entries = new JsonElement[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                using var document = JsonDocument.Parse((string)values[i]!);
                entries[i] = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(
                    $"Element {i} of the Redis list '{redisKey}' is not JSON; the list holds one transcript entry per element, written only by session stores.",
                    ex);
            }
        }

        return entries;
    }

    /// <inheritdoc />
    /// <remarks>The sessions come newest first.</remarks>
    public async Task<IReadOnlyList<QoderStoredSession>> ListSessionsAsync(string projectKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectKey);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var members = await database
            .SortedSetRangeByRankWithScoresAsync(_keys.Sessions(projectKey), order: Order.Descending)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. members.Select(m => new QoderStoredSession((string)m.Element!, DateTimeOffset.FromUnixTimeMilliseconds((long)m.Score)))];
    }

    /// <inheritdoc />
    /// <remarks>The subpaths come in ordinal order.</remarks>
    public async Task<IReadOnlyList<string>> ListSubkeysAsync(string projectKey, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectKey);
        ArgumentNullException.ThrowIfNull(sessionId);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var members = await database.SetMembersAsync(_keys.Subkeys(projectKey, sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. members.Select(m => (string)m!).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task DeleteAsync(QoderSessionKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var subkeys = _keys.Subkeys(key.ProjectKey, key.SessionId);
        if (key.Subpath is not null)
        {
            var targeted = database.CreateTransaction();
            var removeList = targeted.KeyDeleteAsync(_keys.Entries(key));
            var removeIndex = targeted.SetRemoveAsync(subkeys, key.Subpath);
            await ExecuteAsync(targeted, [removeList, removeIndex], cancellationToken).ConfigureAwait(false);
            return;
        }

        var subpaths = await database.SetMembersAsync(subkeys).WaitAsync(cancellationToken).ConfigureAwait(false);
        var doomed = new List<RedisKey> { _keys.Entries(key), subkeys };
        doomed.AddRange(subpaths.Select(s => _keys.Entries(key with { Subpath = (string)s! })));
        var cascade = database.CreateTransaction();
        var removeLists = cascade.KeyDeleteAsync([.. doomed]);
        var removeSession = cascade.SortedSetRemoveAsync(_keys.Sessions(key.ProjectKey), key.SessionId);
        await ExecuteAsync(cascade, [removeLists, removeSession], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection if the store opened it; a caller's connection or database is left open.</summary>
    /// <returns>A task that completes once the connection is closed.</returns>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Closes the connection if the store opened it, without waiting for commands in flight.</summary>
    public void Dispose() => _connection.Dispose();

    private static RedisConnectionSource OwnedConnection(QoderRedisSessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                "The Redis session store needs QoderRedisSessionStoreOptions.ConnectionString (configuration key Qoder:SessionStore:Redis:ConnectionString) or an existing connection.",
                nameof(options));
        }

        return new RedisConnectionSource(options.ConnectionString, options.Database);
    }

    /// <summary>Runs a transaction and surfaces a failure of any of its commands (EXEC succeeds even when one fails).</summary>
    private static async Task ExecuteAsync(ITransaction transaction, Task[] commands, CancellationToken cancellationToken)
    {
        var executed = transaction.ExecuteAsync();
        try
        {
            if (!await executed.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new RedisException("The Redis transaction was discarded.");
            }
        }
        finally
        {
            // Observe the queued commands even when EXEC fails or the wait is cancelled, so none faults unobserved.
            _ = Task.WhenAll(commands).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        await Task.WhenAll(commands).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
