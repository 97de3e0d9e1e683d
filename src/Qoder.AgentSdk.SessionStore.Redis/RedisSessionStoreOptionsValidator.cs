using Microsoft.Extensions.Options;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>Fails host start-up, naming the configuration key, when an agent's Redis store cannot work.</summary>
internal sealed class RedisSessionStoreOptionsValidator : IValidateOptions<QoderRedisSessionStoreOptions>
{
    private readonly RedisSessionStoreRegistrations _registrations;

    public RedisSessionStoreOptionsValidator(RedisSessionStoreRegistrations registrations) => _registrations = registrations;

    public ValidateOptionsResult Validate(string? name, QoderRedisSessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        if (!_registrations.TryGet(name, out var suppliesConnection))
        {
            return ValidateOptionsResult.Skip;
        }

        var section = QoderRedisSessionStoreConfigurationKeys.SectionFor(name);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(RedisSessionKeys.NormalizePrefix(options.Prefix ?? string.Empty)))
        {
            failures.Add($"{section}:Prefix must not be empty: every key of the session store starts with it.");
        }

        if (!suppliesConnection && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(
                $"{section}:ConnectionString is required by AddRedisSessionStore (set it in user secrets or the environment, " +
                "for example Qoder__SessionStore__Redis__ConnectionString=localhost:6379), or pass an existing IConnectionMultiplexer.");
        }

        if (options.Database < -1)
        {
            failures.Add($"{section}:Database must be -1 (the connection's default) or a database number, not {options.Database}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
