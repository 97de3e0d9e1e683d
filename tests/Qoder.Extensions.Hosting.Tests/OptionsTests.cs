using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class OptionsTests
{
    private const string Json = """
        {
          "Qoder": {
            "Auth": "Headless",
            "Agent": { "Model": "performance", "MaxTurns": 7, "AllowedTools": [ "Read" ], "Environment": { "FOO": "bar" }, "InitializeTimeout": "00:00:30" },
            "Pool": { "MinIdle": 2, "MaxSize": 6, "AcquireTimeout": "00:00:05" },
            "Resilience": { "MaxRetryAttempts": 1 },
            "Agents": {
              "reviewer": { "Agent": { "Model": "ultimate", "SystemPrompt": "Review." }, "Pool": { "MaxSize": 2 } }
            }
          }
        }
        """;

    [Fact]
    public void Binds_the_Qoder_section_and_named_overrides_from_json()
    {
        using var provider = Build(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build(), s =>
        {
            s.AddQoderAgent();
            s.AddQoderAgent("reviewer");
        });
        var monitor = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>();

        var main = monitor.Get(Options.DefaultName);
        Assert.Equal("performance", main.Agent.Model);
        Assert.Equal(7, main.Agent.MaxTurns);
        Assert.Equal(["Read"], main.Agent.AllowedTools);
        Assert.Equal("bar", main.Agent.Environment["FOO"]);
        Assert.Equal(TimeSpan.FromSeconds(30), main.Agent.InitializeTimeout);
        Assert.Equal((2, 6, TimeSpan.FromSeconds(5)), (main.Pool.MinIdle, main.Pool.MaxSize, main.Pool.AcquireTimeout));
        Assert.Equal(1, main.Resilience.MaxRetryAttempts);
        Assert.Equal(QoderAuthKind.Headless, main.Agent.Auth.Kind);

        var reviewer = monitor.Get("reviewer");
        Assert.Equal("ultimate", reviewer.Agent.Model);
        Assert.Equal("Review.", reviewer.Agent.SystemPrompt);
        Assert.Equal(7, reviewer.Agent.MaxTurns);
        Assert.Equal((2, 2), (reviewer.Pool.MinIdle, reviewer.Pool.MaxSize));
    }

    [Fact]
    public void Maps_the_personal_access_token_from_user_secrets_without_exposing_it()
    {
        // The real user-secrets provider, with a secrets id of its own that is removed afterwards.
        var secretsId = "qoder-tests-" + Guid.NewGuid().ToString("N");
        var secretsPath = Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(secretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(secretsPath)!);
        File.WriteAllText(secretsPath, """{ "Qoder:PersonalAccessToken": "pat-secret-123" }""");
        try
        {
            var config = new ConfigurationBuilder().AddUserSecrets(secretsId).Build();
            using var provider = Build(config, s => s.AddQoderAgent());

            var options = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName);

            Assert.Equal(QoderAuthKind.AccessToken, options.Agent.Auth.Kind);
            Assert.Null(options.Agent.Auth.EnvironmentVariable);
            Assert.DoesNotContain("pat-secret-123", options.Agent.Auth.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(secretsPath)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("QoderCliLogin", QoderAuthKind.QoderCliLogin)]
    [InlineData("Headless", QoderAuthKind.Headless)]
    public void Maps_the_auth_mode(string mode, QoderAuthKind expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = mode }).Build();
        using var provider = Build(config, s => s.AddQoderAgent());

        Assert.Equal(expected, provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName).Agent.Auth.Kind);
    }

    [Fact]
    public void Code_configuration_runs_after_binding()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless", ["Qoder:Agent:Model"] = "lite" }).Build();
        using var provider = Build(config, s => s.AddQoderAgent(o => o.Model = "efficient").ConfigurePool(p => p.MaxSize = 9));

        var options = provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get(Options.DefaultName);
        Assert.Equal("efficient", options.Agent.Model);
        Assert.Equal(9, options.Pool.MaxSize);
    }

    [Fact]
    public void Resolves_the_default_and_keyed_agents()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" }).Build();
        using var provider = Build(config, s =>
        {
            s.AddQoderAgent();
            s.AddQoderAgent("reviewer");
            s.AddSingleton<ReviewerConsumer>();
        });

        var main = provider.GetRequiredService<IQoderAgent>();
        var reviewer = provider.GetRequiredKeyedService<IQoderAgent>("reviewer");
        Assert.Equal(string.Empty, main.Name);
        Assert.Equal("reviewer", reviewer.Name);
        Assert.NotSame(provider.GetRequiredService<IQoderSessionFactory>(), provider.GetRequiredKeyedService<IQoderSessionFactory>("reviewer"));
        Assert.Same(reviewer, provider.GetRequiredService<ReviewerConsumer>().Agent);
    }

    [Theory]
    [InlineData("Qoder:Pool:MaxSize", "0", "Qoder:Pool:MaxSize must be between 1 and 256")]
    [InlineData("Qoder:Pool:MinIdle", "5", "Qoder:Pool:MaxSize must be >= Qoder:Pool:MinIdle")]
    [InlineData("Qoder:Pool:AcquireTimeout", "00:00:00", "Qoder:Pool:AcquireTimeout")]
    [InlineData("Qoder:Pool:IdleTimeout", "00:00:00", "Qoder:Pool:IdleTimeout")]
    [InlineData("Qoder:Pool:RestartBudget", "0", "Qoder:Pool:RestartBudget")]
    [InlineData("Qoder:Pool:MaxConcurrentStarts", "-1", "Qoder:Pool:MaxConcurrentStarts must be between 0 and 256")]
    [InlineData("Qoder:Resilience:MaxRetryAttempts", "11", "Qoder:Resilience:MaxRetryAttempts")]
    [InlineData("Qoder:Resilience:AttemptTimeout", "00:20:00", "Qoder:Resilience:AttemptTimeout must be <= Qoder:Resilience:TotalTimeout")]
    [InlineData("Qoder:Resilience:CircuitBreakerFailureRatio", "2", "Qoder:Resilience:CircuitBreakerFailureRatio")]
    [InlineData("Qoder:Agent:WorkingDirectory", "/does/not/exist", "Qoder:Agent:WorkingDirectory")]
    [InlineData("Qoder:Agent:CliPath", "/does/not/exist/qodercli", "Qoder:Agent:CliPath")]
    [InlineData("Qoder:Agent:InitializeTimeout", "00:00:00", "Qoder:Agent:InitializeTimeout")]
    [InlineData("Qoder:Agent:MaxTurns", "-1", "Qoder:Agent:MaxTurns")]
    [InlineData("Qoder:Agent:ShutdownGracePeriod", "-00:00:01", "Qoder:Agent:ShutdownGracePeriod must be zero or positive")]
    [InlineData("Qoder:Agent:InterruptGracePeriod", "-00:00:01", "Qoder:Agent:InterruptGracePeriod must be zero or positive")]
    [InlineData("Qoder:Agent:KillGracePeriod", "-00:00:01", "Qoder:Agent:KillGracePeriod must be zero or positive")]
    [InlineData("Qoder:Agent:MaxLineBytes", "100", "Qoder:Agent:MaxLineBytes must be at least 1024")]
    [InlineData("Qoder:Agent:Resume", "2b1c0a6e-5f8e-4a52-9d55-1f4f3f0c2a11", "Qoder:Agent:Resume would make every pooled process share one session")]
    [InlineData("Qoder:Agent:SessionId", "2b1c0a6e-5f8e-4a52-9d55-1f4f3f0c2a11", "Qoder:Agent:SessionId would make every pooled process share one session")]
    [InlineData("Qoder:Agent:Continue", "true", "Qoder:Agent:Continue would make every pooled process share one session")]
    public async Task Invalid_option_fails_start_up_naming_its_key(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless", ["Qoder:Pool:MinIdle"] = "0", [key] = value });
        builder.AddQoderAgent();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_agent_fails_start_up_because_the_pool_runs_cli_processes()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless", ["Qoder:Pool:MinIdle"] = "0" });
        builder.AddQoderAgent(o => o.ExperimentalCloudAgent = new Qoder.AgentSdk.CloudAgent.CloudAgentOptions { Session = Qoder.AgentSdk.CloudAgent.CloudSessionReference.Existing("s-1") });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Qoder:Agent:ExperimentalCloudAgent is not supported by the hosted pool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_token_fails_start_up_naming_both_sources()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Pool:MinIdle"] = "0" });
        builder.AddQoderAgent(o => o.Environment[QoderAuth.DefaultAccessTokenVariable] = null);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Qoder:PersonalAccessToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("QODER_PERSONAL_ACCESS_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_agent_messages_name_its_own_section()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Agents:reviewer:Pool:MaxSize"] = "0",
        }).Build();
        using var provider = Build(config, s => s.AddQoderAgent("reviewer"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>().Get("reviewer"));

        Assert.Contains("Qoder:Agents:reviewer:Pool:MaxSize", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        configure(services);
        return services.BuildServiceProvider();
    }

    private sealed class ReviewerConsumer([FromKeyedServices("reviewer")] IQoderAgent agent)
    {
        public IQoderAgent Agent { get; } = agent;
    }
}
