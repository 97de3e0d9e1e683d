using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>
/// The typed control requests against the real qodercli 1.1.52 (route A, offline): one process answers them all, so the
/// shapes the typed results read are the CLI's own.
/// </summary>
[Collection(RealCliGroup.Name)]
[Trait("Category", "RealCli")]
public sealed class RealCliControlRequestTests(RealCliFixture cli) : IDisposable
{
    private static readonly TimeSpan Guard = RealCliFixture.HangGuard;
    private readonly RealCliFolders _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task The_real_cli_answers_the_typed_queries_and_changes()
    {
        await using var client = new QoderClient(cli.RouteA(_run, new FakeResponsesScript().AddText("unused")));
        await client.ConnectAsync().WaitAsync(Guard);

        var init = client.InitializationResult!;
        Assert.Equal("1.1.52", init.CliVersion);
        Assert.True(init.HasCapability("goal_v1") && init.HasCapability("plan_mode_v1") && init.HasCapability("session_rewind_v1"));
        Assert.Contains(init.Agents, a => a.Name == "general-purpose");

        var commands = await client.GetSupportedCommandsAsync();
        Assert.Contains(commands, c => c is { Name: "compact" } && !string.IsNullOrEmpty(c.Description));

        // Offline the CLI has no catalog: the typed read of an empty list.
        Assert.Empty(await client.GetAvailableModelsAsync().WaitAsync(Guard));

        var context = await client.GetContextUsageAsync().WaitAsync(Guard);
        Assert.Contains(context.Categories, c => c.Type == "free_space" && c.Percentage > 0);
        Assert.InRange(context.ContextWindow!.UsedPercentage, 0, 100);
        Assert.True(context.Skills!.Count > 0);
        Assert.Equal(context.Skills.Count, context.Skills.Items.Count);
        Assert.NotNull(context.Session!.ToolCalls);

        Assert.Empty(await client.GetMcpStatusAsync().WaitAsync(Guard));

        var settings = await client.GetSettingsAsync().WaitAsync(Guard);
        Assert.True(settings.Sources!.Flag!.Value.GetProperty("security").GetProperty("auth").GetProperty("useExternal").GetBoolean());
        Assert.NotNull(settings.Applied);

        var usage = await client.GetUsageInfoAsync().WaitAsync(Guard);
        Assert.Null(usage.Account);
        Assert.NotNull(usage.Session);

        var plan = await client.SetPlanModeAsync(true).WaitAsync(Guard);
        Assert.True(plan.IsActive);
        Assert.True((await client.GetPlanModeAsync().WaitAsync(Guard)).IsActive);

        var goal = await client.SetGoalAsync(new QoderGoalUpdate { Objective = "Ship it" }).WaitAsync(Guard);
        Assert.Equal(("Ship it", "active"), (goal!.Objective, goal.Status));
        Assert.Equal(7, await client.SetGoalMaxTurnsAsync(7).WaitAsync(Guard));
        Assert.True(await client.ClearGoalAsync().WaitAsync(Guard));
        Assert.Null(await client.GetGoalAsync().WaitAsync(Guard));

        var directories = await client.AddDirectoriesAsync([_run.Home, Path.Combine(_run.Home, "missing")]).WaitAsync(Guard);
        Assert.Equal([_run.Home], directories.Added);
        Assert.Single(directories.Failed);

        var rewind = await client.RewindFilesAsync("00000000-0000-0000-0000-000000000000", dryRun: true).WaitAsync(Guard);
        Assert.False(rewind.CanRewind);
        // Offline the CLI has no saved BYOK configuration and no projection running.
        Assert.Empty(await client.ListByokConfigsAsync().WaitAsync(Guard));
        Assert.Null(await client.DisableRemoteProjectionAsync().WaitAsync(Guard));
        var toggle = await Assert.ThrowsAsync<QoderControlRequestException>(() => client.ToggleMcpServerAsync("nope", false).WaitAsync(Guard));
        Assert.Contains("nope", toggle.Error, StringComparison.Ordinal);
    }
}
