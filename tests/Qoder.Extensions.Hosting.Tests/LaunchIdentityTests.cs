using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;
using Qoder.AgentSdk.Sessions;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class LaunchIdentityTests
{
    [Fact]
    public void Every_option_survives_Clone_and_changes_the_launch_identity()
    {
        var baseline = new QoderAgentOptions().GetLaunchIdentity();
        var properties = typeof(QoderAgentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.True(properties.Length > 40);
        foreach (var property in properties)
        {
            var options = new QoderAgentOptions();
            SetNonDefault(options, property);

            var copy = options.Clone();

            Assert.True(SameValue(property.GetValue(options), property.GetValue(copy)), $"Clone() loses {property.Name}");
            Assert.True(options.GetLaunchIdentity() != baseline, $"GetLaunchIdentity() ignores {property.Name}");
            Assert.Equal(options.GetLaunchIdentity(), copy.GetLaunchIdentity());
        }
    }

    [Fact]
    public void Memory_and_skill_evolution_settings_count_down_to_their_gates_and_are_copied_deeply()
    {
        static QoderAgentOptions Configured(Action<QoderMemoryTurnCompleteOptions, QoderSkillEvolutionOptions>? change = null)
        {
            var turn = new QoderMemoryTurnCompleteOptions { Timeout = TimeSpan.FromSeconds(2) };
            var skill = new QoderSkillEvolutionOptions { Mode = QoderSkillEvolutionMode.Custom, TurnComplete = new() { ReviewThreshold = 3 } };
            change?.Invoke(turn, skill);
            var generation = new QoderMemoryGenerationOptions { TurnComplete = turn };
            generation.Roots.Add(new QoderMemoryRoot { Id = "notes", Path = "/srv/notes" });
            return new QoderAgentOptions { Memory = new QoderMemoryOptions { Mode = QoderMemoryMode.Custom, Generation = generation }, SkillEvolution = skill };
        }

        var baseline = Configured().GetLaunchIdentity();
        Assert.Equal(baseline, Configured().GetLaunchIdentity());
        Assert.NotEqual(baseline, Configured((t, _) => t.ShouldGenerate = (_, _) => ValueTask.FromResult(QoderTurnCompleteGateResult.Start())).GetLaunchIdentity());
        Assert.NotEqual(baseline, Configured((t, _) => t.Timeout = TimeSpan.FromSeconds(3)).GetLaunchIdentity());
        Assert.NotEqual(baseline, Configured((_, s) => s.TurnComplete!.ShouldReview = (_, _) => ValueTask.FromResult(QoderTurnCompleteGateResult.Skip())).GetLaunchIdentity());
        Assert.NotEqual(baseline, Configured((_, s) => s.OnResult = _ => { }).GetLaunchIdentity());

        var original = Configured();
        var copy = original.Clone();
        copy.Memory!.Generation!.Roots[0].Path = "/elsewhere";
        copy.SkillEvolution!.TurnComplete!.ReviewThreshold = 4;
        Assert.Equal(baseline, original.GetLaunchIdentity());
        Assert.NotEqual(baseline, copy.GetLaunchIdentity());
    }

    [Fact]
    public void A_rotated_token_changes_the_identity_which_never_contains_it()
    {
        var first = new QoderAgentOptions { Auth = QoderAuth.AccessToken("pat-one-secret") };
        var second = new QoderAgentOptions { Auth = QoderAuth.AccessToken("pat-two-secret") };

        Assert.NotEqual(first.GetLaunchIdentity(), second.GetLaunchIdentity());
        Assert.Equal(first.GetLaunchIdentity(), new QoderAgentOptions { Auth = QoderAuth.AccessToken("pat-one-secret") }.GetLaunchIdentity());
        Assert.DoesNotContain("secret", first.GetLaunchIdentity(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_reload_that_rotates_the_token_recycles_idle_processes()
    {
        await using var t = new TestServices(o => o.Pool.MinIdle = 1, configuration: new Dictionary<string, string?> { ["Qoder:PersonalAccessToken"] = "pat-1" });
        await t.Pool.StartAsync();
        var first = Assert.Single(t.Factory.Created);

        var configuration = (IConfigurationRoot)t.Provider.GetRequiredService<IConfiguration>();
        configuration["Qoder:PersonalAccessToken"] = "pat-2";
        configuration.Reload();

        await Eventually.TrueAsync(() => first.Disposed && t.Factory.Created.Count == 2, "the idle process started with the old token is replaced");
    }

    private static void SetNonDefault(QoderAgentOptions options, PropertyInfo property)
    {
        var value = property.GetValue(options);
        switch (value)
        {
            case QoderHookCollection hooks:
                hooks.Add(QoderHookEvent.PreToolUse, (_, _) => ValueTask.FromResult<QoderHookOutput?>(null));
                return;
            case IDictionary<string, QoderMcpServerConfig> servers:
                servers["external"] = new QoderMcpServerConfig { Command = "server" };
                return;
            case IDictionary<string, QoderSdkMcpServer> sdkServers:
                sdkServers["inproc"] = new QoderSdkMcpServer();
                return;
            case IDictionary<string, QoderAgentDefinition> agents:
                agents["reviewer"] = new QoderAgentDefinition { Description = "Reviews.", Prompt = "Review." };
                return;
            case IDictionary<string, string?> strings:
                strings["NAME"] = "value";
                return;
            case IList<string> list when !property.CanWrite:
                list.Add("item");
                return;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object changed = type switch
        {
            _ when type == typeof(string) => "non-default",
            _ when type == typeof(bool) => !((bool?)value ?? false),
            _ when type == typeof(int) => ((int?)value ?? 0) + 7,
            _ when type == typeof(TimeSpan) => (TimeSpan)value! + TimeSpan.FromSeconds(7),
            _ when type == typeof(QoderPermissionMode) => QoderPermissionMode.Plan,
            _ when type == typeof(QoderAuth) => QoderAuth.Headless(),
            _ when type == typeof(IList<string>) => new List<string> { "item" },
            _ when type == typeof(JsonObject) => new JsonObject { ["key"] = "value" },
            _ when type == typeof(IDictionary<string, string>) => new Dictionary<string, string> { ["key"] = "value" },
            _ when type == typeof(QoderSecurityScanOptions) => new QoderSecurityScanOptions { L1StaticCheck = true },
            _ when type == typeof(QoderMemoryOptions) => new QoderMemoryOptions { Mode = QoderMemoryMode.Native },
            _ when type == typeof(QoderSkillEvolutionOptions) => new QoderSkillEvolutionOptions { Mode = QoderSkillEvolutionMode.Native },
            _ when type == typeof(Action<string>) => new Action<string>(_ => { }),
            _ when type == typeof(IQoderSessionStore) => new QoderInMemorySessionStore(),
            _ when type == typeof(QoderSessionStoreFlush) => QoderSessionStoreFlush.Eager,
            _ when type == typeof(Qoder.AgentSdk.CloudAgent.CloudAgentOptions) => new Qoder.AgentSdk.CloudAgent.CloudAgentOptions { Session = Qoder.AgentSdk.CloudAgent.CloudSessionReference.Existing("s") },
            _ when type.IsAssignableTo(typeof(Delegate)) => DoNothing(type),
            _ => throw new InvalidOperationException($"Teach this test a non-default value for {property.Name} ({type})."),
        };
        property.SetValue(options, changed);
    }

    // Any callback will do: only its presence is part of the launch.
    private static Delegate DoNothing(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        return Expression.Lambda(delegateType, Expression.Default(invoke.ReturnType), parameters).Compile();
    }

    // Clone shares callbacks, Auth and hook registrations and copies collections: compare contents, not instances.
    private static bool SameValue(object? original, object? copy) => (original, copy) switch
    {
        (null, null) => true,
        (string a, string b) => a == b,
        (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
        (QoderMemoryOptions a, QoderMemoryOptions b) => !ReferenceEquals(a, b) && a.Mode == b.Mode,
        (QoderSkillEvolutionOptions a, QoderSkillEvolutionOptions b) => !ReferenceEquals(a, b) && a.Mode == b.Mode,
        (QoderSecurityScanOptions a, QoderSecurityScanOptions b) => (a.L1StaticCheck, a.L2LightweightScan, a.L3DeepScan) == (b.L1StaticCheck, b.L2LightweightScan, b.L3DeepScan),
        (IEnumerable a, IEnumerable b) => a.Cast<object?>().Select(Describe).SequenceEqual(b.Cast<object?>().Select(Describe)),
        _ => Equals(original, copy),
    };

    private static string? Describe(object? item) => item switch
    {
        KeyValuePair<string, QoderSdkMcpServer> server => server.Key,
        KeyValuePair<string, QoderAgentDefinition> agent => agent.Key + agent.Value.Prompt,
        KeyValuePair<string, QoderMcpServerConfig> server => server.Key + server.Value.Command,
        _ => item?.ToString(),
    };
}
