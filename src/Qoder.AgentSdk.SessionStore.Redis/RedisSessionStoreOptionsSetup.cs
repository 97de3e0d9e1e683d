using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>Binds <c>Qoder:SessionStore:Redis</c>, then <c>Qoder:Agents:&lt;name&gt;:SessionStore:Redis</c> for a named agent.</summary>
internal sealed class RedisSessionStoreOptionsSetup : IConfigureNamedOptions<QoderRedisSessionStoreOptions>
{
    private readonly IConfiguration? _configuration;

    public RedisSessionStoreOptionsSetup(IConfiguration? configuration = null) => _configuration = configuration;

    public void Configure(QoderRedisSessionStoreOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, QoderRedisSessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_configuration is null)
        {
            return;
        }

        name ??= Options.DefaultName;
        _configuration.GetSection(QoderRedisSessionStoreConfigurationKeys.SectionFor(Options.DefaultName)).Bind(options);
        if (!string.IsNullOrEmpty(name))
        {
            _configuration.GetSection(QoderRedisSessionStoreConfigurationKeys.SectionFor(name)).Bind(options);
        }
    }
}
