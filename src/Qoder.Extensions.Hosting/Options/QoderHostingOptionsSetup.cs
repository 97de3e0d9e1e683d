using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Auth;
using Qoder.Extensions.Hosting.Binding;
using Qoder.Extensions.Hosting.Callbacks;

namespace Qoder.Extensions.Hosting;

/// <summary>Binds <c>Qoder</c> then <c>Qoder:Agents:&lt;name&gt;</c>, then maps <c>Qoder:Auth</c> and the PAT to <see cref="QoderAgentOptions.Auth"/>.</summary>
internal sealed class QoderHostingOptionsSetup : IConfigureNamedOptions<QoderHostingOptions>
{
    private readonly IConfiguration? _configuration;
    private readonly IServiceProvider? _services;
    private readonly IHostEnvironment? _environment;
    private readonly HashSet<string> _agentNames;

    public QoderHostingOptionsSetup(
        IEnumerable<QoderAgentRegistration> registrations,
        IConfiguration? configuration = null,
        IServiceProvider? services = null,
        IHostEnvironment? environment = null)
    {
        _configuration = configuration;
        _services = services;
        _environment = environment;
        _agentNames = registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
    }

    public void Configure(QoderHostingOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, QoderHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        if (!_agentNames.Contains(name))
        {
            return;
        }

        // A host that npm-installs its CLI on the first request is a supply-chain and cold-start surprise in production:
        // only Development installs by itself; elsewhere the CLI is deployed (docs/deployment.md) or the key set.
        options.Agent.AutoInstallCli = _environment?.IsDevelopment() == true;
        if (_configuration is not null)
        {
            var root = _configuration.GetSection(QoderConfigurationKeys.Section);
            HostingOptionsConfiguration.Bind(root, options);
            if (!string.IsNullOrEmpty(name))
            {
                HostingOptionsConfiguration.Bind(root.GetSection(QoderConfigurationKeys.AgentsSection).GetSection(name), options);
            }
        }

        var fetchToken = TokenProvider(name);
        options.Agent.Auth = options.Auth switch
        {
            QoderAuthMode.QoderCliLogin => QoderAuth.QoderCliLogin(),
            QoderAuthMode.Headless => QoderAuth.Headless(),
            QoderAuthMode.ServiceAccount when !string.IsNullOrWhiteSpace(options.ServiceAccountKey) => QoderAuth.ServiceAccount(options.ServiceAccountKey),
            QoderAuthMode.ServiceAccount when fetchToken is not null => QoderAuth.ServiceAccount(fetchToken),
            QoderAuthMode.ServiceAccount => QoderAuth.ServiceAccountFromEnv(),

            // Without a provider the validator fails start-up naming AddTokenProvider; the options keep the default meanwhile.
            QoderAuthMode.JobToken when fetchToken is not null => QoderAuth.JobToken(fetchToken),
            QoderAuthMode.JobToken => options.Agent.Auth,
            _ when !string.IsNullOrWhiteSpace(options.PersonalAccessToken) => QoderAuth.AccessToken(options.PersonalAccessToken),
            _ => QoderAuth.AccessTokenFromEnv(),
        };
    }

    /// <summary>The agent's registered token provider as a callback, resolved from the root services on each request.</summary>
    private Func<QoderTokenRequest, CancellationToken, ValueTask<QoderAuthToken?>>? TokenProvider(string name)
    {
        if (_services?.GetKeyedService<QoderAgentCallbacks>(name)?.TokenProvider is not { } providerType)
        {
            return null;
        }

        var services = _services;
        return (request, cancellationToken) => ((IQoderTokenProvider)services.GetRequiredService(providerType)).GetTokenAsync(request, cancellationToken);
    }
}
