using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Internal;

namespace Qoder.AgentSdk.Commands;

/// <summary>
/// Plugin management through the CLI's <c>plugins</c> subcommands, one short CLI run each, needing no session. A
/// running session sees a change after <c>ReloadPluginsAsync</c>.
/// </summary>
public static class QoderPlugins
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Lists the installed plugins (<c>plugins list --json</c>).</summary>
    /// <param name="organizationId">The organisation whose plugins to list, if any (<c>--org-id</c>).</param>
    /// <param name="options">How to start the CLI; its working directory decides the project and local plugins.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The plugins.</returns>
    /// <exception cref="QoderCliCommandException">The CLI did not print the list.</exception>
    public static async Task<IReadOnlyList<QoderPluginDetails>> ListAsync(
        string? organizationId = null, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<string> arguments = ["plugins", "list", "--json"];
        if (!string.IsNullOrEmpty(organizationId))
        {
            arguments.AddRange(["--org-id", organizationId]);
        }

        var output = await CliCommandRunner.RunAsync(arguments, options, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        JsonArray rows;
        try
        {
            rows = JsonNode.Parse(output.Stdout) as JsonArray ?? throw Failure(output);
        }
        catch (JsonException)
        {
            throw Failure(output);
        }

        return [.. rows.OfType<JsonObject>().Select(Details)];
    }

    /// <summary>Enables an installed plugin (<c>plugins enable</c>).</summary>
    /// <param name="id">The plugin id (<c>name@marketplace</c>, or the name when unambiguous).</param>
    /// <param name="scope">The scope; <see langword="null"/> lets the CLI find the installed one.</param>
    /// <param name="options">How to start the CLI.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when it is enabled.</returns>
    /// <exception cref="QoderCliCommandException">The CLI refused, such as for a plugin not installed.</exception>
    public static Task EnableAsync(string id, QoderPluginScope? scope = null, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ToggleAsync("enable", id, scope, options, cancellationToken);

    /// <summary>Disables an installed plugin (<c>plugins disable</c>).</summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="scope">The scope; <see langword="null"/> lets the CLI find the installed one.</param>
    /// <param name="options">How to start the CLI.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when it is disabled.</returns>
    /// <exception cref="QoderCliCommandException">The CLI refused.</exception>
    public static Task DisableAsync(string id, QoderPluginScope? scope = null, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ToggleAsync("disable", id, scope, options, cancellationToken);

    /// <summary>Installs a plugin from a local folder (<c>plugins install --json</c>).</summary>
    /// <param name="path">The plugin folder.</param>
    /// <param name="scope">Where to install it.</param>
    /// <param name="options">How to start the CLI.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The installed plugin's id, version and folder.</returns>
    /// <exception cref="QoderCliCommandException">The CLI refused.</exception>
    public static async Task<QoderPluginInstallResult> InstallAsync(
        string path, QoderPluginScope scope = QoderPluginScope.User, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var output = await RunCheckedAsync(["plugins", "install", path, "--scope", Wire(scope), "--json"], options, cancellationToken).ConfigureAwait(false);
        var body = ParseObject(output);
        return new QoderPluginInstallResult(Text(body, "pluginId") ?? "", Text(body, "version") ?? "local", Text(body, "path") ?? "");
    }

    /// <summary>Uninstalls a plugin (<c>plugins uninstall --json</c>).</summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="scope">The scope to remove it from.</param>
    /// <param name="keepData">Whether to keep the plugin's data folder (<c>--keep-data</c>).</param>
    /// <param name="options">How to start the CLI.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Whether it is fully gone, and which plugins depend on it.</returns>
    /// <exception cref="QoderCliCommandException">The CLI refused, such as <c>plugin_not_installed</c>.</exception>
    public static async Task<QoderPluginUninstallResult> UninstallAsync(
        string id, QoderPluginScope scope = QoderPluginScope.User, bool keepData = false, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        List<string> arguments = ["plugins", "uninstall", id, "--scope", Wire(scope), "--json"];
        if (keepData)
        {
            arguments.Add("--keep-data");
        }

        var body = ParseObject(await RunCheckedAsync(arguments, options, cancellationToken).ConfigureAwait(false));
        var dependents = body["reverseDependents"] is JsonArray list ? list.Select(n => n?.ToString() ?? "").ToList() : [];
        return new QoderPluginUninstallResult(Text(body, "pluginId") ?? "", body["fullyRemoved"]?.GetValueKind() == JsonValueKind.True, dependents);
    }

    /// <summary>
    /// Validates a local plugin folder statically (<c>plugins validate --json</c>): nothing is installed and no hook, MCP
    /// server or binary of the plugin runs.
    /// </summary>
    /// <param name="path">The plugin folder.</param>
    /// <param name="options">How to start the CLI.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report; an invalid plugin is a report with <see cref="QoderPluginValidationReport.Valid"/> false.</returns>
    /// <exception cref="QoderCliCommandException">The CLI could not validate (<c>plugin_validation_unsupported</c> from a CLI without structured validation).</exception>
    public static async Task<QoderPluginValidationReport> ValidateAsync(string path, QoderCliCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CliCommandOutput output;
        try
        {
            output = await CliCommandRunner.RunAsync(["plugins", "validate", path, "--json"], options, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not QoderCliCommandException)
        {
            throw new QoderCliCommandException("plugin_validation_failed", $"Failed to run qodercli plugin validation: {ex.Message}", ex);
        }

        return PluginValidationOutput.Read(output);
    }

    private static async Task ToggleAsync(string verb, string id, QoderPluginScope? scope, QoderCliCommandOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        List<string> arguments = ["plugins", verb, id];
        if (scope is { } chosen)
        {
            arguments.AddRange(["--scope", Wire(chosen)]);
        }

        await RunCheckedAsync(arguments, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CliCommandOutput> RunCheckedAsync(List<string> arguments, QoderCliCommandOptions? options, CancellationToken cancellationToken)
    {
        var output = await CliCommandRunner.RunAsync(arguments, options, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        return output.ExitCode == 0 ? output : throw Failure(output);
    }

    /// <summary>The CLI's error: the code and message of its JSON error when it printed one, else its stderr.</summary>
    internal static QoderCliCommandException Failure(CliCommandOutput output)
    {
        var code = "plugin_operation_failed";
        var message = output.Stderr.Length > 0 ? output.Stderr : output.Stdout;
        try
        {
            if (JsonNode.Parse(output.Stdout) is JsonObject body)
            {
                if (JsonTruthiness.IsTruthy(body["error"]) && Text(body, "code") is { } own)
                {
                    (code, message) = (own, Text(body, "message") ?? message);
                }
                else if (body["ok"]?.GetValueKind() == JsonValueKind.False && body["error"] is JsonObject error)
                {
                    (code, message) = (Text(error, "code") ?? code, Text(error, "message") ?? message);
                }
            }
        }
        catch (JsonException)
        {
            // Plain text: stderr is the message.
        }

        return new QoderCliCommandException(code, message.Trim());
    }

    private static JsonObject ParseObject(CliCommandOutput output)
    {
        try
        {
            return JsonNode.Parse(output.Stdout) as JsonObject ?? throw Failure(output);
        }
        catch (JsonException)
        {
            throw Failure(output);
        }
    }

    private static QoderPluginDetails Details(JsonObject row) => new()
    {
        Id = Text(row, "id") ?? "",
        Name = Text(row, "name") ?? "",
        Source = Text(row, "source"),
        Path = Text(row, "installPath") ?? Text(row, "path") ?? "",
        Version = Text(row, "version") ?? "unknown",
        Scope = Text(row, "scope") ?? "",
        Enabled = row["enabled"]?.GetValueKind() == JsonValueKind.True,
        CanDisable = row["canDisable"]?.GetValueKind() == JsonValueKind.True,
        DisplayName = Text(row, "displayName"),
        Description = Text(row, "description"),
        InstalledAt = Text(row, "installedAt"),
        LastUpdated = Text(row, "lastUpdated"),
        ProjectPath = Text(row, "projectPath"),
        Resources = row["resources"] is JsonObject resources ? resources.Deserialize(CommandsJsonContext.Default.QoderPluginResources) ?? new() : new(),
    };

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;


    private static string Wire(QoderPluginScope scope) => scope switch
    {
        QoderPluginScope.Project => "project",
        QoderPluginScope.Local => "local",
        _ => "user",
    };
}
