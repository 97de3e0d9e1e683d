using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>Plan mode and goals (<see cref="QoderClientGoalExtensions"/>) against the stand-in, with the messages that announce them.</summary>
public sealed class GoalAndPlanModeStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    [Fact]
    public async Task Plan_mode_is_set_read_and_announced()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var before = await client.GetPlanModeAsync().WaitAsync(Guard);
        var set = await client.SetPlanModeAsync(true).WaitAsync(Guard);
        var after = await client.GetPlanModeAsync().WaitAsync(Guard);
        var messages = await StandInHarness.TurnAsync(client, "plan it");

        Assert.False(before.IsActive);
        Assert.True(set.IsActive);
        Assert.True(after.IsActive);
        Assert.True(Assert.Single(messages.OfType<PlanModeChangedMessage>()).IsActive);
    }

    [Fact]
    public async Task Goal_is_created_changed_read_and_cleared_with_its_messages()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        Assert.Null(await client.GetGoalAsync().WaitAsync(Guard));
        Assert.Equal(7, await client.SetGoalMaxTurnsAsync(7).WaitAsync(Guard));
        var created = await client.SetGoalAsync(new QoderGoalUpdate { Objective = "Ship it", CreditsBudget = 50 }).WaitAsync(Guard);
        var paused = await client.SetGoalAsync(new QoderGoalUpdate { Status = "paused", ClearCreditsBudget = true }).WaitAsync(Guard);
        var read = await client.GetGoalAsync().WaitAsync(Guard);
        var cleared = await client.ClearGoalAsync().WaitAsync(Guard);
        var clearedAgain = await client.ClearGoalAsync().WaitAsync(Guard);
        Assert.Equal(100, await client.SetGoalMaxTurnsAsync(null).WaitAsync(Guard));
        var messages = await StandInHarness.TurnAsync(client, "go");

        Assert.Equal(("Ship it", "active", 7, 50d), (created!.Objective, created.Status, created.MaxTurns, created.CreditsBudget));
        Assert.Equal(("paused", (double?)null), (paused!.Status, paused.CreditsBudget));
        Assert.Equal(created.Id, read!.Id);
        Assert.True(cleared);
        Assert.False(clearedAgain);
        var updates = messages.OfType<GoalUpdatedMessage>().ToList();
        Assert.Equal(["active", "paused"], updates.Select(u => u.Goal!.Status));
        var end = Assert.Single(messages.OfType<GoalClearedMessage>());
        Assert.Equal((created.Id, "user"), (end.GoalId, end.Reason));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SetGoalMaxTurnsAsync(0));
    }
}
