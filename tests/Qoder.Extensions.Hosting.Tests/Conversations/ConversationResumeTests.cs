using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Qoder.AgentSdk.Sessions;
using Qoder.AgentSdk.Testing;
using Qoder.Extensions.Hosting.Conversations;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>
/// Cold conversations resume on a new process with <c>--resume</c>, from the local transcript or the agent's session store.
/// The stand-in's answers list the session's earlier prompts, so an answer shows whether the history survived.
/// </summary>
public sealed class ConversationResumeTests
{
    private static readonly TimeSpan Guard = ConversationHost.Guard;

    private static QoderScenario Remembering() =>
        new() { DefaultReply = "seen: " + QoderScenario.PreviousPromptsPlaceholder };

    [Fact]
    public async Task An_idle_conversation_is_evicted_and_its_next_turn_resumes_it_on_a_cold_process_with_its_history()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new ConversationHost(Remembering(), o => o.Conversations.IdleTimeout = TimeSpan.FromMinutes(1), time, services: s => s.AddMetrics());
        using var resumed = new MetricCollector<long>(host.Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), QoderTelemetry.MeterName, QoderTelemetry.ConversationsResumed);
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(id, "alpha").WaitAsync(Guard);
        await host.Conversations.RunAsync(id, "beta").WaitAsync(Guard);
        var pinned = Assert.Single(host.PidsThatRan("alpha"));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, host.Counts.Pinned);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, host.Counts.Pinned);
        await ProcessWatch.GoneAsync(pinned);
        Assert.Equal("stdin_eof", host.Record(pinned).ExitReason);

        var third = await host.Conversations.RunAsync(id, "gamma").WaitAsync(Guard);

        Assert.Equal("seen: alpha | beta", third.Text);
        Assert.Equal(id, third.SessionId);
        var cold = Assert.Single(host.PidsThatRan("gamma"));
        Assert.NotEqual(pinned, cold);
        Assert.Equal(id, host.ResumedId(cold));
        Assert.Equal("local", Assert.Single(resumed.GetMeasurementSnapshot()).Tags[QoderTelemetry.ResumeSourceAttribute]);
    }

    [Fact]
    public async Task A_killed_pinned_process_is_noticed_and_the_next_turn_resumes_the_conversation()
    {
        await using var host = new ConversationHost(Remembering());
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(id, "alpha").WaitAsync(Guard);
        var pinned = Assert.Single(host.PidsThatRan("alpha"));

        ProcessWatch.Kill([pinned]);
        await Eventually.TrueAsync(() => host.Counts.Pinned == 0, "the dead pin is dropped", Guard);
        var next = await host.Conversations.RunAsync(id, "beta").WaitAsync(Guard);

        Assert.Equal("seen: alpha", next.Text);
        Assert.Equal(id, host.ResumedId(Assert.Single(host.PidsThatRan("beta"))));
    }

    [Fact]
    public async Task A_closed_conversation_resumes_and_a_deleted_one_is_gone()
    {
        await using var host = new ConversationHost(Remembering());
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        await host.Conversations.RunAsync(id, "alpha").WaitAsync(Guard);

        await host.Conversations.CloseAsync(id).WaitAsync(Guard);
        Assert.Equal(new ConversationCounts(0, 0), host.Counts);
        Assert.Equal("seen: alpha", (await host.Conversations.RunAsync(id, "beta").WaitAsync(Guard)).Text);

        await host.Conversations.DeleteAsync(id).WaitAsync(Guard);
        Assert.False(File.Exists(ConversationTranscripts.LocalPath(id, host.Pool.Options.Agent)));
        await Assert.ThrowsAsync<QoderConversationNotFoundException>(() => host.Conversations.RunAsync(id, "gamma").WaitAsync(Guard));
    }

    [Fact]
    public async Task A_conversation_evicted_before_its_first_prompt_restarts_under_its_id()
    {
        await using var host = new ConversationHost(Remembering(), o =>
        {
            o.Pool.MaxSize = 2;
            o.Conversations.ReservedSlots = 1;
        });
        await host.StartAsync();
        var first = await host.Conversations.StartAsync().WaitAsync(Guard);
        var second = await host.Conversations.StartAsync().WaitAsync(Guard);
        Assert.Equal(1, host.Counts.Pinned);

        var answer = await host.Conversations.RunAsync(first, "alpha").WaitAsync(Guard);

        Assert.Equal(first, answer.SessionId);
        var pid = Assert.Single(host.PidsThatRan("alpha"));
        var argv = host.Record(pid).Arguments.ToList();
        Assert.Equal(first, argv[argv.IndexOf("--session-id") + 1]);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_resent_message_uuid_is_not_run_again_even_after_a_resume()
    {
        await using var host = new ConversationHost(Remembering());
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        var turn = new QoderTurnOptions { MessageUuid = Guid.NewGuid().ToString() };
        await host.Conversations.RunAsync(id, "alpha", turn).WaitAsync(Guard);

        var again = await Assert.ThrowsAsync<QoderDuplicateMessageException>(() => host.Conversations.RunAsync(id, "alpha", turn).WaitAsync(Guard));
        Assert.Equal(turn.MessageUuid, again.MessageUuid);
        await host.Conversations.CloseAsync(id).WaitAsync(Guard);
        await Assert.ThrowsAsync<QoderDuplicateMessageException>(() => host.Conversations.RunAsync(id, "alpha", turn).WaitAsync(Guard));

        Assert.Equal("seen: alpha", (await host.Conversations.RunAsync(id, "beta").WaitAsync(Guard)).Text);
    }

    [Fact]
    public async Task A_turn_whose_process_dies_is_retried_on_a_resumed_process_and_never_runs_twice()
    {
        var permission = new HeldPermission();
        var scenario = QoderScenario.Create().Turn(t => t
            .ToolUse("Bash", new JsonObject { ["command"] = "true" }, requiresPermission: true)
            .Text("seen: " + QoderScenario.PreviousPromptsPlaceholder));
        await using var host = new ConversationHost(scenario, agent: o => o.CanUseTool = permission.DecideAsync);
        await host.StartAsync();
        var id = await host.Conversations.StartAsync().WaitAsync(Guard);
        var turn = host.Conversations.RunAsync(id, "alpha");
        await permission.Asked.WaitAsync(Guard);
        var first = Assert.Single(host.PidsThatRan("alpha"));

        ProcessWatch.Kill([first]);

        // The prompt was in the transcript: the retry resends its uuid to a resumed process, which does not run it again.
        var duplicate = await Assert.ThrowsAsync<QoderDuplicateMessageException>(() => turn.WaitAsync(Guard));
        Assert.Equal(id, duplicate.ConversationId);
        var retry = Assert.Single(host.PidsThatRan("alpha"), p => p != first);
        Assert.Equal(id, host.ResumedId(retry));
        Assert.Empty(host.Record(retry).ToolExecutions);

        permission.Release();
        Assert.Equal("seen: alpha", (await host.Conversations.RunAsync(id, "beta").WaitAsync(Guard)).Text);
    }

    [Fact]
    public async Task A_conversation_continues_on_another_host_from_the_session_store()
    {
        var store = new QoderInMemorySessionStore();
        using var work = new TempDirectory("qoder-conv-store-");
        string id;
        await using (var first = new ConversationHost(Remembering(), work: work, configName: "config-a", services: s => s.AddKeyedSingleton<IQoderSessionStore>(string.Empty, store)))
        {
            await first.StartAsync();
            id = await first.Conversations.StartAsync().WaitAsync(Guard);
            await first.Conversations.RunAsync(id, "alpha").WaitAsync(Guard);
        }

        await using var second = new ConversationHost(Remembering(), work: work, configName: "config-b", services: s => s.AddKeyedSingleton<IQoderSessionStore>(string.Empty, store));
        await second.StartAsync();
        Assert.False(File.Exists(ConversationTranscripts.LocalPath(id, second.Pool.Options.Agent)));

        var answer = await second.Conversations.RunAsync(id, "beta").WaitAsync(Guard);

        Assert.Equal("seen: alpha", answer.Text);
        Assert.Equal(id, second.ResumedId(Assert.Single(second.PidsThatRan("beta"))));
    }
}
