using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.TypedControl;

/// <summary>The typed read-only queries (<see cref="QoderClientInfoExtensions"/>) against the stand-in.</summary>
public sealed class InfoQueryStandInTests : StandInTestClass
{
    private static readonly TimeSpan Guard = StandInHarness.HangGuard;

    [Fact]
    public async Task InitializationResult_is_typed_with_capabilities_commands_agents_and_the_cli_version()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var init = client.InitializationResult!;
        Assert.True(init.HasCapability("goal_v1"));
        Assert.False(init.HasCapability("no_such_capability_v9"));
        Assert.Equal("1.1.52", init.CliVersion);
        Assert.Contains(init.Commands, c => c is { Name: "model", ArgumentHint: "[model]" });
        Assert.Contains(init.Agents, a => a.Name == "Explore");
        Assert.Contains(init.Skills, s => s is { Name: "simplify", Source: "built-in" });
        Assert.Equal(["default", "Explanatory", "Learning"], init.AvailableOutputStyles);
        Assert.Equal(client.ProcessId, init.ProcessId);
    }

    [Fact]
    public async Task GetAvailableModelsAsync_reads_context_windows_efforts_and_thinking()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var models = await client.GetAvailableModelsAsync(QoderModelFetchStrategy.Live).WaitAsync(Guard);

        Assert.Equal(["auto", "performance"], models.Select(m => m.Value));
        var strong = models[1];
        Assert.Equal([200_000L, 1_000_000L], strong.AvailableContextWindows!);
        Assert.Equal(1_000_000, strong.ContextConfig!["1M"].TokenCount);
        Assert.Equal(["low", "medium", "high"], strong.Efforts!);
        Assert.True(strong.ThinkingConfig!.Enabled!.Efforts!["medium"].IsDefault);
        Assert.NotNull(strong.ThinkingConfig.Disabled);
        Assert.True(strong.SupportsDisabledThinking);
        Assert.Equal(1.6, strong.PriceFactor);
        Assert.True(models[0].IsDefault);
    }

    [Fact]
    public async Task GetContextUsageAsync_reads_every_part_of_the_breakdown()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create().WithModel("lite"));

        var usage = await client.GetContextUsageAsync().WaitAsync(Guard);

        Assert.Equal("lite", usage.Model);
        Assert.Equal(1.7, usage.ContextWindow!.UsedPercentage);
        Assert.Contains(usage.Categories, c => c is { Type: "free_space", Percentage: 91.4 });
        Assert.Equal(93.2, usage.AutoCompact!.ThresholdPercentage);
        Assert.Equal(2, usage.Skills!.Count);
        Assert.Equal("simplify", usage.Skills.Items[0].Name);
        Assert.Empty(usage.DuplicateFileReads);
        Assert.Equal(0, usage.Session!.ToolCalls!.Total);
    }

    [Fact]
    public async Task GetUsageInfoAsync_without_a_login_has_session_credits_only()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var usage = await client.GetUsageInfoAsync().WaitAsync(Guard);

        Assert.Null(usage.Account);
        Assert.Equal(0, usage.Session!.TotalCredits);
        Assert.Empty(usage.Session.ModelUsage);
    }

    [Fact]
    public async Task GetAccountInfoAsync_falls_back_to_the_initialize_account_when_the_cli_reports_none()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var account = await client.GetAccountInfoAsync().WaitAsync(Guard);

        Assert.Same(client.InitializationResult!.Account, account);
        Assert.Null(account.Email);
    }

    [Fact]
    public async Task Supported_commands_and_agents_come_from_initialize()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var commands = await client.GetSupportedCommandsAsync();
        var agents = await client.GetSupportedAgentsAsync();

        Assert.Equal(["about", "clear", "compact", "help", "model", "review"], commands.Select(c => c.Name));
        Assert.Equal(["general-purpose", "Explore", "Plan"], agents.Select(a => a.Name));
    }

    [Fact]
    public async Task Supported_commands_need_a_connected_client()
    {
        await using var client = StandIn.Client(QoderScenario.Create());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetSupportedCommandsAsync());
    }

    [Fact]
    public async Task GetSettingsAsync_reports_flag_settings_applied_since_start()
    {
        var client = await StandIn.ConnectAsync(QoderScenario.Create());

        var applied = await client.ApplyFlagSettingsAsync(new JsonObject { ["effort"] = "high" }).WaitAsync(Guard);
        var settings = await client.GetSettingsAsync().WaitAsync(Guard);

        Assert.Equal("high", applied!.Effort);
        Assert.False(applied.Ultracode);
        Assert.Equal("high", settings.Applied!.Effort);
        Assert.Equal("high", settings.Sources!.Flag!.Value.GetProperty("effort").GetString());
        Assert.Equal("high", settings.Effective!.Value.GetProperty("effort").GetString());
    }

    [Fact]
    public async Task ReloadSkills_ReloadPlugins_and_ListPlugins_read_their_snapshots()
    {
        var options = StandIn.Options(QoderScenario.Create());
        options.SdkMcpServers["echo"] = new QoderSdkMcpServer().AddTool((string text) => text, "echo", "Echoes text.");
        var client = await StandIn.ConnectAsync(options);

        var skills = await client.ReloadSkillsAsync().WaitAsync(Guard);
        var plugins = await client.ReloadPluginsAsync().WaitAsync(Guard);
        var listed = await client.ListPluginsAsync().WaitAsync(Guard);

        Assert.Equal(["simplify", "debug"], skills.Select(s => s.Name));
        Assert.Contains(plugins.Commands, c => c.Name == "help");
        Assert.Contains(plugins.Agents, a => a.Name == "Plan");
        Assert.Equal("echo", Assert.Single(plugins.McpServers).Name);
        Assert.Equal(0, plugins.ErrorCount);
        Assert.Empty(listed);
    }
}
