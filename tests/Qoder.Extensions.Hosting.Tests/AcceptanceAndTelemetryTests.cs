using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Tests;

public sealed class AcceptanceAndTelemetryTests
{
    [Fact]
    public async Task A_crash_after_only_another_messages_lifecycle_is_retried()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 1);
        t.Factory.OnReceive = (process, ct) => t.Factory.Created.Count == 1
            ? LifecycleThenCrash("someone-else", ct)
            : FakeProcess.Reply("OK", ct);

        var result = await t.Agent.RunAsync("hello");

        Assert.Equal("OK", result.Text);
        Assert.Equal(2, t.Factory.Created.Count);
    }

    [Fact]
    public async Task A_crash_after_the_prompts_own_lifecycle_is_not_retried()
    {
        await using var t = new TestServices(o => o.Resilience.MaxRetryAttempts = 3);
        t.Factory.OnReceive = (process, ct) => LifecycleThenCrash(process.SentUuids[^1], ct);

        await Assert.ThrowsAsync<QoderProcessExitedException>(() => t.Agent.RunAsync("hello"));
        Assert.Single(t.Factory.Created);
    }

    [Fact]
    public async Task IHostApplicationBuilder_overloads_register_default_and_keyed_agents_bound_from_configuration()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Pool:MaxSize"] = "3",
            ["Qoder:Agents:reviewer:Pool:MaxSize"] = "2",
        });
        builder.AddQoderAgent();
        builder.AddQoderAgent("reviewer", o => o.SystemPrompt = "You review code.");
        using var host = builder.Build();

        var agent = host.Services.GetRequiredService<IQoderAgent>();
        var reviewer = host.Services.GetRequiredKeyedService<IQoderAgent>("reviewer");
        Assert.Equal(string.Empty, agent.Name);
        Assert.Equal("reviewer", reviewer.Name);
        Assert.NotNull(host.Services.GetRequiredService<IQoderSessionFactory>());
        Assert.NotNull(host.Services.GetRequiredKeyedService<IQoderSessionFactory>("reviewer"));
        var options = host.Services.GetRequiredService<IOptionsMonitor<QoderHostingOptions>>();
        Assert.Equal(3, options.Get(Options.DefaultName).Pool.MaxSize);
        Assert.Equal(2, options.Get("reviewer").Pool.MaxSize);
        Assert.Equal("You review code.", options.Get("reviewer").Agent.SystemPrompt);
        Assert.Null(options.Get(Options.DefaultName).Agent.SystemPrompt);
    }

    [Fact]
    public async Task Each_run_is_a_span_with_GenAI_attributes()
    {
        const string Model = "span-test-model";
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == QoderTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(QoderTelemetry.GenAiRequestModelAttribute) as string == Model)
                {
                    lock (spans)
                    {
                        spans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var t = new TestServices();

        await t.Agent.RunAsync("hello", new QoderSessionOptions { Model = Model });

        var span = Assert.Single(spans);
        Assert.Equal("invoke_agent default", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal("qoder", span.GetTagItem("gen_ai.provider.name"));
        Assert.Null(span.GetTagItem("gen_ai.system"));
        Assert.Equal("invoke_agent", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("default", span.GetTagItem("gen_ai.agent.name"));
        Assert.Equal(Model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("s-1", span.GetTagItem(QoderTelemetry.GenAiConversationIdAttribute));
        Assert.Equal(10L, Convert.ToInt64(span.GetTagItem(QoderTelemetry.GenAiUsageInputTokensAttribute), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(span.GetTagItem(QoderTelemetry.GenAiUsageOutputTokensAttribute), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("success", span.GetTagItem(QoderTelemetry.ResultSubtypeAttribute));
    }

    private static async IAsyncEnumerable<QoderMessage> LifecycleThenCrash(string uuid, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return new CommandLifecycleMessage { Type = "command_lifecycle", CommandUuid = uuid, State = "queued" };
        throw new QoderProcessExitedException("crashed before the turn", 1, string.Empty);
    }
}
