using System.Text.Json.Nodes;
using Qoder.AgentSdk.Settings;

namespace Qoder.AgentSdk.Tests.Settings;

/// <summary>The CLI's settings files read and merged without the CLI: precedence, merge rules, provenance and the default-mode filter.</summary>
public sealed class SettingsResolverTests : IDisposable
{
    private readonly TempDirectory _root = new();

    private string Home => Path.Combine(_root.Path, "home");

    private string Project => Path.Combine(_root.Path, "project");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task User_project_and_local_files_merge_in_that_order_with_the_cli_merge_rules()
    {
        Write(Path.Combine(Home, ".qoder", "settings.json"), """
            {
              // comments are allowed, as the CLI allows them
              "model": "user-model",
              "permissions": { "allow": ["Read"], "defaultMode": "default" },
              "mcpServers": { "a": { "command": "a" }, "b": { "command": "b" } },
              "tools": { "exclude": ["x", "y"] },
              "hooks": { "PreToolUse": [{ "matcher": "Bash" }] },
              "__proto__": { "polluted": true }
            }
            """);
        Write(Path.Combine(Project, ".qoder", "settings.json"), """
            { "model": "project-model", "permissions": { "deny": ["Write"] }, "mcpServers": { "c": { "command": "c" } },
              "tools": { "exclude": ["y", "z"] }, "hooks": { "PreToolUse": [{ "matcher": "Edit" }] } }
            """);
        Write(Path.Combine(Project, ".qoder", "settings.local.json"), """{ "permissions": { "allow": ["Glob"] } }""");

        var resolved = await QoderSettingsResolver.ResolveAsync(Options());

        var effective = resolved.Effective;
        Assert.Equal("project-model", (string?)effective["model"]);
        Assert.Equal(["Glob"], Strings(effective["permissions"]!["allow"]));
        Assert.Equal(["Write"], Strings(effective["permissions"]!["deny"]));
        Assert.Equal("default", (string?)effective["permissions"]!["defaultMode"]);
        Assert.Equal(["a", "b", "c"], effective["mcpServers"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["x", "y", "z"], Strings(effective["tools"]!["exclude"]));
        Assert.Equal(["Bash", "Edit"], effective["hooks"]!["PreToolUse"]!.AsArray().Select(h => (string?)h!["matcher"]));
        Assert.False(effective.ContainsKey("__proto__"));
        Assert.Equal(["user", "project", "local"], resolved.Sources.Select(s => s.Source));
        Assert.Equal(("local", Path.Combine(Project, ".qoder", "settings.local.json")), (resolved.Provenance["permissions"].Source, resolved.Provenance["permissions"].Path));
        Assert.Equal("project", resolved.Provenance["model"].Source);
        Assert.Equal("project", resolved.Provenance["hooks"].Source);
    }

    [Fact]
    public async Task Sources_can_be_chosen_and_missing_files_are_skipped()
    {
        Write(Path.Combine(Home, ".qoder", "settings.json"), """{ "model": "user-model" }""");
        Write(Path.Combine(Project, ".qoder", "settings.json"), """{ "model": "project-model" }""");

        var userOnly = await QoderSettingsResolver.ResolveAsync(Options(["user"]));
        var none = await QoderSettingsResolver.ResolveAsync(Options([]));
        var all = await QoderSettingsResolver.ResolveAsync(Options());

        Assert.Equal("user-model", (string?)userOnly.Effective["model"]);
        Assert.Empty(none.Sources);
        Assert.Empty(none.Effective);
        Assert.Equal(["user", "project"], all.Sources.Select(s => s.Source));
    }

    [Fact]
    public async Task The_config_dir_variables_move_the_user_file_and_the_home_folder_is_not_read_twice()
    {
        var elsewhere = Path.Combine(_root.Path, "elsewhere");
        Write(Path.Combine(elsewhere, "settings.json"), """{ "model": "from-config-dir" }""");
        Write(Path.Combine(Home, ".custom", "settings.json"), """{ "model": "from-custom-name" }""");
        Write(Path.Combine(Home, ".qoder", "settings.json"), """{ "model": "home" }""");

        var configDir = await QoderSettingsResolver.ResolveAsync(Options(environment: new() { ["QODER_CONFIG_DIR"] = elsewhere }));
        var customName = await QoderSettingsResolver.ResolveAsync(Options(environment: new() { ["QODER_CONFIG_DIR_NAME"] = ".custom" }));
        var atHome = await QoderSettingsResolver.ResolveAsync(new QoderResolveSettingsOptions
        {
            WorkingDirectory = Home,
            Environment = new Dictionary<string, string?> { ["QODER_CLI_HOME"] = Home },
        });

        Assert.Equal("from-config-dir", (string?)configDir.Effective["model"]);
        Assert.Equal("from-custom-name", (string?)customName.Effective["model"]);
        Assert.Equal("user", Assert.Single(atHome.Sources).Source);
        await Assert.ThrowsAsync<QoderConfigurationException>(() => QoderSettingsResolver.ResolveAsync(Options(environment: new() { ["QODER_CONFIG_DIR_NAME"] = ".git" })));
        await Assert.ThrowsAsync<QoderConfigurationException>(() => QoderSettingsResolver.ResolveAsync(Options(environment: new() { ["QODER_CONFIG_DIR_NAME"] = "a/b" })));
    }

    [Fact]
    public async Task A_file_that_is_not_a_json_object_is_a_configuration_error_naming_it()
    {
        var path = Path.Combine(Project, ".qoder", "settings.json");
        Write(path, "[1, 2]");

        var ex = await Assert.ThrowsAsync<QoderConfigurationException>(() => QoderSettingsResolver.ResolveAsync(Options()));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project", "bypassPermissions", false)]
    [InlineData("project", "acceptEdits", false)]
    [InlineData("local", "bypassPermissions", true)]
    [InlineData("user", "auto", true)]
    [InlineData("project", "plan", true)]
    public async Task An_escalating_default_mode_is_dropped_only_when_the_project_file_set_it(string source, string mode, bool kept)
    {
        Write(Path.Combine(Home, ".qoder", "settings.json"), """{ "permissions": { "defaultMode": "default", "allow": ["Read"] } }""");
        var file = source switch
        {
            "project" => Path.Combine(Project, ".qoder", "settings.json"),
            "local" => Path.Combine(Project, ".qoder", "settings.local.json"),
            _ => Path.Combine(Home, ".qoder", "settings.json"),
        };
        Write(file, $$"""{ "permissions": { "defaultMode": "{{mode}}", "allow": ["Read"] } }""");
        var resolved = await QoderSettingsResolver.ResolveAsync(Options());

        var filtered = QoderSettingsResolver.FilterEscalatingDefaultMode(resolved);

        Assert.Equal(kept ? mode : null, (string?)filtered["permissions"]!["defaultMode"]);
        Assert.Equal(["Read"], Strings(filtered["permissions"]!["allow"]));
        Assert.Equal(mode, (string?)resolved.Effective["permissions"]!["defaultMode"]);
    }

    private QoderResolveSettingsOptions Options(IList<string>? sources = null, Dictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?> { ["QODER_CLI_HOME"] = Home };
        foreach (var (name, value) in environment ?? [])
        {
            variables[name] = value;
        }

        Directory.CreateDirectory(Project);
        return new QoderResolveSettingsOptions { WorkingDirectory = Project, SettingSources = sources, Environment = variables };
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static IEnumerable<string?> Strings(JsonNode? node) => node!.AsArray().Select(n => (string?)n);
}
