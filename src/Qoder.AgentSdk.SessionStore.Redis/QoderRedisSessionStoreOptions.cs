namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>Settings of a <see cref="QoderRedisSessionStore"/>; bound from <c>Qoder:SessionStore:Redis</c> when hosted.</summary>
public sealed class QoderRedisSessionStoreOptions
{
    /// <summary>The prefix the official Qoder SDK samples use, so an unchanged Python or TypeScript sample shares sessions.</summary>
    public const string DefaultPrefix = "qoder:samples:session-storage";

    /// <summary>
    /// Gets or sets the first segment of every key (trailing <c>:</c> are ignored). Give each tenant or environment its
    /// own prefix; hosts that share sessions must use the same one. Defaults to <see cref="DefaultPrefix"/>.
    /// </summary>
    public string Prefix { get; set; } = DefaultPrefix;

    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string (for example <c>redis.internal:6379,password=...,ssl=true</c>)
    /// used when no connection is supplied. Keep it in user secrets or the environment
    /// (<c>Qoder__SessionStore__Redis__ConnectionString</c>): it may hold a password and is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the Redis database number; -1 (the default) uses the connection's default database.</summary>
    public int Database { get; set; } = -1;
}
