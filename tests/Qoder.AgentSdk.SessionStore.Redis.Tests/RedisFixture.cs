using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis.Tests;

/// <summary>One Redis server and connection shared by a collection; each test isolates itself with its own key prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The fixture has not started.");

    public IDatabase Database => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A prefix no other test uses.</summary>
    public static string UniquePrefix() => "qoder-test:" + Guid.NewGuid().ToString("N");

    /// <summary>Every key under <paramref name="prefix"/>, sorted.</summary>
    public IReadOnlyList<string> KeysUnder(string prefix) =>
        [.. Connection.GetServer(Connection.GetEndPoints()[0]).Keys(pattern: prefix + ":*").Select(k => (string)k!).Order(StringComparer.Ordinal)];
}

[CollectionDefinition(Name)]
public sealed class RedisServerGroup : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
