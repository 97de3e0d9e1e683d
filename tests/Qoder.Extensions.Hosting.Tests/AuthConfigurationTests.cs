using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Auth;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>Qoder:Auth ServiceAccount and JobToken: the key from configuration, the token provider from DI, start-up validation.</summary>
public sealed class AuthConfigurationTests
{
    private const string Key = "sa-secret-key-456";

    [Fact]
    public void A_service_account_key_from_configuration_becomes_the_auth_without_being_exposed()
    {
        using var provider = Build(new() { ["Qoder:Auth"] = "ServiceAccount", ["Qoder:ServiceAccountKey"] = Key }, s => s.AddQoderAgent());

        var auth = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName).Agent.Auth;

        Assert.Equal(QoderAuthKind.ServiceAccount, auth.Kind);
        Assert.Null(auth.EnvironmentVariable);
        Assert.Null(auth.FetchToken);
        Assert.DoesNotContain(Key, auth.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_service_account_is_read_from_the_environment_variable()
    {
        using var provider = Build(new() { ["Qoder:Auth"] = "ServiceAccount" }, s => s.AddQoderAgent(o => o.Environment[QoderAuth.DefaultServiceAccountKeyVariable] = Key));

        var auth = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName).Agent.Auth;

        Assert.Equal(QoderAuthKind.ServiceAccount, auth.Kind);
        Assert.Equal(QoderAuth.DefaultServiceAccountKeyVariable, auth.EnvironmentVariable);
    }

    [Fact]
    public async Task A_service_account_without_key_variable_or_provider_fails_start_up_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "ServiceAccount", ["Qoder:Pool:MinIdle"] = "0" });
        builder.AddQoderAgent(o => o.Environment[QoderAuth.DefaultServiceAccountKeyVariable] = null);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Qoder:ServiceAccountKey is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains(QoderAuth.DefaultServiceAccountKeyVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_token_agent_without_a_provider_fails_start_up_naming_AddTokenProvider()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "JobToken", ["Qoder:Pool:MinIdle"] = "0" });
        builder.AddQoderAgent();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Qoder:Auth is JobToken but the agent has no token provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddTokenProvider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JobToken", QoderAuthKind.JobToken)]
    [InlineData("ServiceAccount", QoderAuthKind.ServiceAccount)]
    public async Task A_registered_token_provider_answers_the_token_requests(string mode, QoderAuthKind kind)
    {
        using var provider = Build(new() { ["Qoder:Auth"] = mode }, s => s.AddQoderAgent().AddTokenProvider<CountingTokenProvider>());

        var auth = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName).Agent.Auth;
        var token = await auth.FetchToken!(new QoderTokenRequest(QoderTokenRequestReason.Expiring, "s-1", []), CancellationToken.None);

        Assert.Equal(kind, auth.Kind);
        Assert.Equal("token-1", token!.Token);
        Assert.Equal(1, provider.GetRequiredService<CountingTokenProvider>().Calls);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        configure(services);
        return services.BuildServiceProvider();
    }

    private sealed class CountingTokenProvider : IQoderTokenProvider
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<QoderAuthToken?> GetTokenAsync(QoderTokenRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult<QoderAuthToken?>(new QoderAuthToken($"token-{Interlocked.Increment(ref _calls)}"));
    }
}
