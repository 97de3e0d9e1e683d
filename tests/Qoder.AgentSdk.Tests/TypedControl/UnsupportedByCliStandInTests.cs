using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>
/// <see cref="QoderUnsupportedByCliException"/>: thrown before sending when the CLI does not advertise the capability, and
/// when a CLI refuses the request as unknown (for a client that cannot tell the capabilities).
/// </summary>
public sealed class UnsupportedByCliStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    public static TheoryData<string, string> GatedCalls => new()
    {
        { "goal_v1", "get_goal" },
        { "goal_v1", "set_goal" },
        { "goal_v1", "clear_goal" },
        { "goal_max_turns_v1", "set_goal_max_turns" },
        { "plan_mode_v1", "set_plan_mode" },
        { "plan_mode_v1", "get_plan_mode" },
        { "background_tasks_v1", "stop_task" },
        { "background_tasks_v1", "background_tasks" },
        { "side_question_v1", "side_question" },
        { "session_rewind_v1", "rewind" },
        { "reload_skills_v1", "reload_skills" },
        { "skill_evolution_v1", "flush_skill_evolution" },
        { "interrupt_cancel_queued_v1", "interrupt" },
    };

    [Theory]
    [MemberData(nameof(GatedCalls))]
    public async Task A_missing_capability_throws_before_sending(string capability, string subtype)
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithoutCapabilities(capability));

        var error = await Assert.ThrowsAsync<QoderUnsupportedByCliException>(() => Call(client, subtype));

        Assert.Equal((subtype, capability, "1.1.52"), (error.Subtype, error.Capability, error.CliVersion));
        Assert.Contains(capability, error.Message, StringComparison.Ordinal);
        Assert.Contains("1.1.52", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_cli_that_refuses_the_request_as_unknown_gives_the_same_exception()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithoutCapabilities("goal_v1"));
        var opaque = new CapabilityBlindClient(client);

        var error = await Assert.ThrowsAsync<QoderUnsupportedByCliException>(() => opaque.GetGoalAsync().WaitAsync(Guard));

        Assert.Equal("get_goal", error.Subtype);
        Assert.Null(error.Capability);
        Assert.Contains("Unsupported control request type", Assert.IsType<QoderControlRequestException>(error.InnerException).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plain_interrupt_is_not_gated_by_a_capability()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithoutCapabilities("interrupt_receipt_v1", "interrupt_cancel_queued_v1"));

        Assert.False(client.InitializationResult!.HasCapability("interrupt_receipt_v1"));
        Assert.NotNull(await client.InterruptWithReceiptAsync().WaitAsync(Guard));
    }

    private static Task Call(IQoderClient client, string subtype) => subtype switch
    {
        "get_goal" => client.GetGoalAsync(),
        "set_goal" => client.SetGoalAsync(new QoderGoalUpdate { Objective = "x" }),
        "clear_goal" => client.ClearGoalAsync(),
        "set_goal_max_turns" => client.SetGoalMaxTurnsAsync(3),
        "set_plan_mode" => client.SetPlanModeAsync(true),
        "get_plan_mode" => client.GetPlanModeAsync(),
        "stop_task" => client.StopTaskAsync("t"),
        "background_tasks" => client.MoveTasksToBackgroundAsync(),
        "side_question" => client.AskSideQuestionAsync("why?"),
        "rewind" => client.RewindAsync("u"),
        "reload_skills" => client.ReloadSkillsAsync(),
        "flush_skill_evolution" => client.FlushSkillEvolutionAsync(),
        "interrupt" => client.InterruptWithReceiptAsync(cancelQueued: true),
        _ => throw new ArgumentOutOfRangeException(nameof(subtype), subtype, null),
    };

    /// <summary>An <see cref="IQoderClient"/> that keeps the default (unknown) initialize result, as a third-party implementation would.</summary>
    private sealed class CapabilityBlindClient(IQoderClient inner) : IQoderClient
    {
        public string? SessionId => inner.SessionId;

        public Task<string> SendAsync(string prompt, CancellationToken cancellationToken = default) => inner.SendAsync(prompt, cancellationToken);

        public Task<string> SendAsync(Qoder.AgentSdk.Input.QoderUserInput input, CancellationToken cancellationToken = default) => inner.SendAsync(input, cancellationToken);

        public IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken = default) => inner.ReceiveResponseAsync(cancellationToken);

        public Task InterruptAsync(CancellationToken cancellationToken = default) => inner.InterruptAsync(cancellationToken);

        public Task SetModelAsync(string? model, CancellationToken cancellationToken = default) => inner.SetModelAsync(model, cancellationToken);

        public Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken = default) => inner.SetPermissionModeAsync(mode, cancellationToken);

        public Task<JsonElement?> SendControlRequestAsync(JsonObject request, CancellationToken cancellationToken = default) =>
            inner.SendControlRequestAsync(request, cancellationToken);
    }
}
