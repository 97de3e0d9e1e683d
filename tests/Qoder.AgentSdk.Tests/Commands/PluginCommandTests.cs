using Qoder.AgentSdk.Commands;

namespace Qoder.AgentSdk.Tests.Commands;

/// <summary>
/// The plugin and feedback commands against a scripted CLI (a shell script that records its arguments and prints a
/// canned answer): the arguments each sends and how each answer, error or odd output is read.
/// </summary>
public sealed class PluginCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task List_maps_install_path_and_defaults_the_version()
    {
        var options = Cli(0, """[{"id":"p@local","name":"p","source":"p@local","scope":"user","enabled":true,"canDisable":true,"installPath":"/x/p","resources":{"skills":[{"name":"hello"}],"agents":[],"mcpServers":[],"commands":[],"hooks":[{"event":"Stop","type":"command"}]}}]""");

        var plugins = await QoderPlugins.ListAsync("org-1", options);

        var plugin = Assert.Single(plugins);
        Assert.Equal(("p@local", "/x/p", "unknown", true), (plugin.Id, plugin.Path, plugin.Version, plugin.Enabled));
        Assert.Equal("hello", Assert.Single(plugin.Resources.Skills).Name);
        Assert.Equal("Stop", Assert.Single(plugin.Resources.Hooks).Event);
        Assert.Equal(["plugins", "list", "--json", "--org-id", "org-1"], Arguments());
    }

    [Fact]
    public async Task Install_uninstall_and_toggles_send_the_official_arguments()
    {
        var install = await QoderPlugins.InstallAsync("/src/p", QoderPluginScope.Project, Cli(0, """{"ok":true,"pluginId":"p@local","path":"/c/p"}"""));
        Assert.Equal(["plugins", "install", "/src/p", "--scope", "project", "--json"], Arguments());
        Assert.Equal(new QoderPluginInstallResult("p@local", "local", "/c/p"), install);

        var uninstall = await QoderPlugins.UninstallAsync("p@local", keepData: true, options: Cli(0, """{"ok":true,"pluginId":"p@local","fullyRemoved":false}"""));
        Assert.Equal(["plugins", "uninstall", "p@local", "--scope", "user", "--json", "--keep-data"], Arguments());
        Assert.Equal(("p@local", false), (uninstall.PluginId, uninstall.FullyRemoved));
        Assert.Empty(uninstall.ReverseDependents);

        await QoderPlugins.EnableAsync("p@local", options: Cli(0, "Plugin enabled."));
        Assert.Equal(["plugins", "enable", "p@local"], Arguments());
        await QoderPlugins.DisableAsync("p@local", QoderPluginScope.Local, Cli(0, "Plugin disabled."));
        Assert.Equal(["plugins", "disable", "p@local", "--scope", "local"], Arguments());
    }

    [Fact]
    public async Task A_refusal_carries_the_cli_code_from_json_or_its_stderr()
    {
        var json = await Assert.ThrowsAsync<QoderCliCommandException>(() =>
            QoderPlugins.UninstallAsync("nope", options: Cli(1, """{"error":true,"code":"plugin_not_installed","message":"Plugin \"nope\" is not installed."}""")));
        var text = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.EnableAsync("nope", options: Cli(1, "", "Plugin nope is not installed.")));

        Assert.Equal(("plugin_not_installed", "Plugin \"nope\" is not installed."), (json.Code, json.Message));
        Assert.Equal(("plugin_operation_failed", "Plugin nope is not installed."), (text.Code, text.Message));
    }

    [Fact]
    public async Task Validate_reads_a_report_and_tells_apart_an_older_cli_a_cli_error_and_a_malformed_report()
    {
        var report = await QoderPlugins.ValidateAsync("/p", Cli(1, """{"schemaVersion":1,"ok":true,"report":{"schemaVersion":1,"validator":{"name":"qodercli","version":"1.1.52"},"valid":false,"target":{"inputPath":"/p","resolvedPath":"/p"},"diagnostics":[{"severity":"error","code":"plugin.target.not_found","message":"gone","phase":"target","location":{"path":"."}}],"summary":{"errorCount":1,"warningCount":0,"componentCount":0}}}"""));
        var older = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.ValidateAsync("/p", Cli(1, "", "error: unknown option '--json'")));
        var refused = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.ValidateAsync("/p", Cli(1, """{"schemaVersion":1,"ok":false,"error":{"code":"plugin_validation_io","message":"cannot read"}}""")));
        var malformed = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.ValidateAsync("/p", Cli(0, """{"schemaVersion":1,"ok":true,"report":{"schemaVersion":1,"valid":true}}""")));
        var schema = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.ValidateAsync("/p", Cli(0, """{"schemaVersion":2,"ok":true}""")));

        Assert.False(report.Valid);
        Assert.Equal(("plugin.target.not_found", "target", "."), (report.Diagnostics[0].Code, report.Diagnostics[0].Phase, report.Diagnostics[0].Location!.Path));
        Assert.Equal("plugin_validation_unsupported", older.Code);
        Assert.Equal(("plugin_validation_io", "cannot read"), (refused.Code, refused.Message));
        Assert.Equal("plugin_validation_protocol_error", malformed.Code);
        Assert.Equal("plugin_validation_schema_unsupported", schema.Code);
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_and_reported()
    {
        var options = Cli(0, "[]", delaySeconds: 30);
        options.Timeout = TimeSpan.FromMilliseconds(300);

        var ex = await Assert.ThrowsAsync<QoderCliCommandException>(() => QoderPlugins.ListAsync(options: options));

        Assert.Equal("timeout", ex.Code);
    }

    [Fact]
    public async Task Feedback_sends_its_fields_and_reads_success_failure_and_plain_output()
    {
        var accepted = await QoderFeedback.SubmitAsync(
            new QoderFeedbackRequest
            {
                Content = "Great",
                SessionId = "s1",
                Include = ["/log"],
                ImagePaths = ["/a.png", "/b.png"],
                IntegrationMode = "qoder_work",
                StorageDirectory = "/store",
            },
            Cli(0, """{"success":true,"request_id":"r-1"}"""));
        Assert.Equal(
            ["feedback", "-c", "Great", "--json", "--storage-dir", "/store", "-s", "s1", "--include", "/log", "--images", "/a.png", "--images", "/b.png", "--ide-type", "QoderWork"],
            Arguments());
        var failed = await QoderFeedback.SubmitAsync(new QoderFeedbackRequest { Content = "x" }, Cli(1, """{"success":false,"error":"fetch failed"}"""));
        var plain = await QoderFeedback.SubmitAsync(new QoderFeedbackRequest { Content = "x" }, Cli(0, "thanks"));
        var empty = await QoderFeedback.SubmitAsync(new QoderFeedbackRequest { Content = "" }, Cli(0, "never run"));

        Assert.Equal(new QoderFeedbackResult(true, "Feedback submitted successfully", "r-1"), accepted);
        Assert.Equal(new QoderFeedbackResult(false, "fetch failed", null), failed);
        Assert.Equal(new QoderFeedbackResult(true, "thanks", null), plain);
        Assert.Equal(new QoderFeedbackResult(false, "Feedback content is required", null), empty);
    }

    private QoderCliCommandOptions Cli(int exitCode, string stdout, string stderr = "", int delaySeconds = 0)
    {
        File.WriteAllText(Path.Combine(_dir.Path, "stdout"), stdout);
        File.WriteAllText(Path.Combine(_dir.Path, "stderr"), stderr);
        var script = Path.Combine(_dir.Path, "fake-qodercli");
        File.WriteAllText(script, $"""
            #!/bin/sh
            for a in "$@"; do printf '%s\n' "$a"; done > "{_dir.Path}/args"
            {(delaySeconds > 0 ? $"exec sleep {delaySeconds}" : "")}
            cat "{_dir.Path}/stdout"; cat "{_dir.Path}/stderr" >&2
            exit {exitCode}
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new QoderCliCommandOptions { CliPath = script };
    }

    private string[] Arguments() => File.ReadAllLines(Path.Combine(_dir.Path, "args"));
}
