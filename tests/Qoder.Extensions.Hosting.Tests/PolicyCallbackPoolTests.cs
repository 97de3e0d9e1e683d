using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qoder.AgentSdk.Artifacts;
using Qoder.AgentSdk.Elicitation;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;
using Qoder.AgentSdk.ModelPolicy;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.Extensions.Hosting.Tests;

/// <summary>
/// The callbacks registered on the builder besides permissions, hooks and tools (model resolver, elicitation handler,
/// memory gate, skill review gate, artifacts resolver) answer the CLI through pooled processes, from the DI scope of the
/// run or session that is using the process.
/// </summary>
public sealed class PolicyCallbackPoolTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _work = new("qoder-policy-callbacks-");
    private StandInLaunch? _launch;

    [Fact]
    public async Task Every_policy_callback_is_answered_from_the_scope_of_the_agent_run()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<SeenLog>();

        var result = await host.Services.GetRequiredService<IQoderAgent>().RunAsync("remember the blue door").WaitAsync(Guard);

        Assert.Equal("success", result.Result.Subtype);
        Assert.Single(log.ScopesOf("model", "elicitation", "artifacts"));
        Assert.Equal(["report.md"], result.Messages.OfType<ArtifactsUpdateMessage>().Last().Artifacts.Select(a => a.Name));

        // The turn-complete gates run after the result, while the process is retired (which first flushes memory).
        await host.StopAsync().WaitAsync(Guard);
        Assert.Equal(["artifacts", "elicitation", "memory", "model", "skill"], log.Callbacks.Distinct().Order(StringComparer.Ordinal));

        var answers = Recordings().SelectMany(r => r.ControlAnswers).ToList();
        Assert.Equal("accept", answers.Single(a => a.GetProperty("subtype").GetString() == "elicitation").GetProperty("response").GetProperty("action").GetString());
        Assert.Equal("pooled gate", answers.Single(a => a.GetProperty("subtype").GetString() == "memory_should_generate").GetProperty("response").GetProperty("reason").GetString());
        Assert.False(answers.Single(a => a.GetProperty("subtype").GetString() == "skill_evolution_should_review").GetProperty("response").GetProperty("run").GetBoolean());
    }

    [Fact]
    public async Task A_hosted_session_gets_the_same_callbacks_in_its_own_scope()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<SeenLog>();

        await using (var session = await host.Services.GetRequiredService<IQoderSessionFactory>().CreateSessionAsync().AsTask().WaitAsync(Guard))
        {
            await session.SendAsync("remember the blue door").WaitAsync(Guard);
            await session.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(Guard);
        }

        await host.StopAsync().WaitAsync(Guard);
        Assert.Equal(["artifacts", "elicitation", "memory", "model", "skill"], log.Callbacks.Distinct().Order(StringComparer.Ordinal));
        Assert.Single(log.ScopesOf("model", "elicitation", "artifacts"));
    }

    public void Dispose()
    {
        ProcessWatch.Kill(Recordings().Select(r => r.ProcessId).OfType<int>());
        _work.Dispose();
    }

    private List<StandInRecording> Recordings() => _launch is null
        ? []
        : [.. StandInPerProcessRecords.RecordFiles(_launch).Select(StandInRecording.Load)];

    private IHost BuildHost()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .ControlRequest(new JsonObject { ["subtype"] = "elicitation", ["mcp_server_name"] = "crm", ["message"] = "Which account?" })
            .ResolveSessionArtifacts()
            .Text("Noted."));
        scenario.Models.Add(new JsonObject { ["value"] = "auto", ["displayName"] = "Auto", ["description"] = "", ["isDefault"] = true });
        _launch = StandInLaunch.Prepare(scenario, _work.Path);
        var launch = _launch;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Qoder:Auth"] = "Headless" });
        builder.Services.AddSingleton<SeenLog>();
        builder.Services.AddScoped<RunScope>();
        builder.AddQoderAgent(o =>
        {
            StandInPerProcessRecords.Apply(o, launch, _work.Path);
            o.SkillEvolution = new QoderSkillEvolutionOptions { Mode = QoderSkillEvolutionMode.Custom, TurnComplete = new() { ReviewThreshold = 1 } };
        })
            .ConfigurePool(p =>
            {
                p.MinIdle = 0;
                p.MaxSize = 1;
            })
            .AddModelResolver<Resolver>()
            .AddElicitationHandler<Elicitations>()
            .AddMemoryGate<MemoryGate>()
            .AddSkillEvolutionGate<SkillGate>()
            .AddSessionArtifactsResolver<Artifacts>();
        return builder.Build();
    }

    /// <summary>What the callbacks saw (a singleton).</summary>
    internal sealed class SeenLog
    {
        private readonly ConcurrentQueue<(RunScope Scope, string Callback)> _seen = new();

        public string[] Callbacks => [.. _seen.Select(s => s.Callback)];

        public RunScope[] ScopesOf(params string[] callbacks) => [.. _seen.Where(s => callbacks.Contains(s.Callback)).Select(s => s.Scope).Distinct()];

        public void Saw(RunScope scope, string callback) => _seen.Enqueue((scope, callback));
    }

    /// <summary>A scoped dependency: one per run or session.</summary>
    internal sealed class RunScope;

    internal sealed class Resolver(RunScope scope, SeenLog log) : IQoderModelResolver
    {
        public ValueTask<QoderModelPolicy?> ResolveAsync(QoderModelPolicyContext context, CancellationToken cancellationToken)
        {
            log.Saw(scope, "model");
            return ValueTask.FromResult<QoderModelPolicy?>(null);
        }
    }

    internal sealed class Elicitations(RunScope scope, SeenLog log) : IQoderElicitationHandler
    {
        public ValueTask<QoderElicitationResult> AnswerAsync(QoderElicitationRequest request, CancellationToken cancellationToken)
        {
            log.Saw(scope, "elicitation");
            return ValueTask.FromResult(QoderElicitationResult.Accept(new JsonObject { ["account"] = "acme" }));
        }
    }

    internal sealed class MemoryGate(RunScope scope, SeenLog log) : IQoderMemoryGate
    {
        public ValueTask<QoderTurnCompleteGateResult> ShouldGenerateAsync(QoderTurnCompleteGateInput input, CancellationToken cancellationToken)
        {
            log.Saw(scope, "memory");
            return ValueTask.FromResult(QoderTurnCompleteGateResult.Start("pooled gate"));
        }
    }

    internal sealed class SkillGate(RunScope scope, SeenLog log) : IQoderSkillEvolutionGate
    {
        public ValueTask<QoderTurnCompleteGateResult> ShouldReviewAsync(QoderTurnCompleteGateInput input, CancellationToken cancellationToken)
        {
            log.Saw(scope, "skill");
            return ValueTask.FromResult(QoderTurnCompleteGateResult.Skip(input.TurnIndex.ToString(CultureInfo.InvariantCulture)));
        }
    }

    internal sealed class Artifacts(RunScope scope, SeenLog log) : IQoderSessionArtifactsResolver
    {
        public ValueTask<IReadOnlyList<QoderArtifactInfo>> ResolveAsync(QoderSessionArtifactsRequest request, CancellationToken cancellationToken)
        {
            log.Saw(scope, "artifacts");
            return ValueTask.FromResult<IReadOnlyList<QoderArtifactInfo>>(
                [new QoderArtifactInfo { Kind = "presented", Path = Path.Combine(request.Cwd, "report.md"), DisplayPath = "report.md", Name = "report.md" }]);
        }
    }
}
