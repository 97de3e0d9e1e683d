using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting;

/// <summary>Binds <c>Qoder</c> then <c>Qoder:Agents:&lt;name&gt;</c>, then maps <c>Qoder:Auth</c> and the PAT to <see cref="QoderAgentOptions.Auth"/>.</summary>
internal sealed class QoderHostingOptionsSetup : IConfigureNamedOptions<QoderHostingOptions>
{
    private readonly IConfiguration? _configuration;
    private readonly IHostEnvironment? _environment;
    private readonly HashSet<string> _agentNames;

    public QoderHostingOptionsSetup(IEnumerable<QoderAgentRegistration> registrations, IConfiguration? configuration = null, IHostEnvironment? environment = null)
    {
        _configuration = configuration;
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
            root.Bind(options);
            if (!string.IsNullOrEmpty(name))
            {
                root.GetSection(QoderConfigurationKeys.AgentsSection).GetSection(name).Bind(options);
            }
        }

        options.Agent.Auth = options.Auth switch
        {
            QoderAuthMode.QoderCliLogin => QoderAuth.QoderCliLogin(),
            QoderAuthMode.Headless => QoderAuth.Headless(),
            _ when !string.IsNullOrWhiteSpace(options.PersonalAccessToken) => QoderAuth.AccessToken(options.PersonalAccessToken),
            _ => QoderAuth.AccessTokenFromEnv(),
        };
    }
}
