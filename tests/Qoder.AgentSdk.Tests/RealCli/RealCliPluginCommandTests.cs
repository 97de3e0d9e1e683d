using Qoder.AgentSdk.Commands;

namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>The plugin commands against the real qodercli 1.1.52, offline, in a throw-away home: a local plugin's whole lifecycle.</summary>
[Collection(RealCliGroup.Name)]
[Trait("Category", "RealCli")]
public sealed class RealCliPluginCommandTests(RealCliFixture cli) : IDisposable
{
    private static readonly TimeSpan Guard = RealCliFixture.HangGuard;
    private readonly RealCliFolders _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_local_plugin_is_validated_installed_listed_toggled_and_uninstalled()
    {
        var options = new QoderCliCommandOptions { CliPath = cli.CliPath, WorkingDirectory = _run.Work, Timeout = Guard };
        options.Environment["HOME"] = _run.Home;
        options.Environment["QODER_CLI_HOME"] = _run.Home;
        options.Environment["QODER_CONFIG_DIR"] = null;
        var plugin = Path.Combine(_run.Work, "greeter");
        Directory.CreateDirectory(Path.Combine(plugin, "skills", "hello"));
        File.WriteAllText(Path.Combine(plugin, "skills", "hello", "SKILL.md"), "---\nname: hello\ndescription: Says hello\n---\nSay hello.\n");

        var empty = await QoderPlugins.ValidateAsync(Path.Combine(_run.Work, "missing"), options).WaitAsync(Guard);
        var report = await QoderPlugins.ValidateAsync(plugin, options).WaitAsync(Guard);
        var installed = await QoderPlugins.InstallAsync(plugin, options: options).WaitAsync(Guard);
        await QoderPlugins.DisableAsync(installed.PluginId, options: options).WaitAsync(Guard);
        var disabled = Assert.Single(await QoderPlugins.ListAsync(options: options).WaitAsync(Guard));
        await QoderPlugins.EnableAsync(installed.PluginId, QoderPluginScope.User, options).WaitAsync(Guard);
        var enabled = Assert.Single(await QoderPlugins.ListAsync(options: options).WaitAsync(Guard));
        var removed = await QoderPlugins.UninstallAsync(installed.PluginId, options: options).WaitAsync(Guard);
        var again = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.UninstallAsync(installed.PluginId, options: options).WaitAsync(Guard));

        Assert.False(empty.Valid);
        Assert.Equal("target", Assert.Single(empty.Diagnostics).Phase);
        Assert.True(report.Valid);
        Assert.Equal(("qodercli", "1.1.52", "hello"), (report.Validator.Name, report.Validator.Version, Assert.Single(report.Resources!.Skills).Name));
        Assert.Equal("greeter@local", installed.PluginId);
        Assert.StartsWith(_run.Home, installed.Path, StringComparison.Ordinal);
        Assert.Equal((installed.PluginId, false, "user", installed.Path), (disabled.Id, disabled.Enabled, disabled.Scope, disabled.Path));
        Assert.True(enabled.Enabled);
        Assert.Equal("Says hello", Assert.Single(enabled.Resources.Skills).Description);
        Assert.True(removed.FullyRemoved);
        Assert.Equal("plugin_not_installed", again.Code);
        Assert.Empty(await QoderPlugins.ListAsync(options: options).WaitAsync(Guard));
    }

    [Fact]
    public async Task Feedback_offline_is_a_failed_result_with_the_cli_reason()
    {
        var options = new QoderCliCommandOptions { CliPath = cli.CliPath, WorkingDirectory = _run.Work, Timeout = Guard };
        options.Environment["HOME"] = _run.Home;
        options.Environment["QODER_CLI_HOME"] = _run.Home;

        var result = await QoderFeedback.SubmitAsync(new QoderFeedbackRequest { Content = "offline test" }, options).WaitAsync(Guard);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Null(result.RequestId);
    }
}
