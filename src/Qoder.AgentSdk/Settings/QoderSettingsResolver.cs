using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Settings;

/// <summary>
/// Reads the CLI's settings files as the CLI does, without starting it: <c>settings.json</c> of the user folder
/// (<c>QODER_CONFIG_DIR</c>, else <c>.qoder</c> under <c>QODER_CLI_HOME</c> or the home folder), then
/// <c>.qoder/settings.json</c> and <c>.qoder/settings.local.json</c> of the project; later files win.
/// </summary>
public static partial class QoderSettingsResolver
{
    private const string DefaultFolderName = ".qoder";
    private static readonly string[] AllSources = ["user", "project", "local"];
    private static readonly HashSet<string> EscalatingModes = new(StringComparer.Ordinal) { "bypassPermissions", "yolo", "auto", "acceptEdits" };
    private static readonly HashSet<string> ProtectedFolderNames = new(StringComparer.Ordinal)
    {
        ".git", ".svn", ".hg", ".vscode", ".idea", ".husky", ".github", "node_modules", "bower_components",
    };

    private static readonly JsonDocumentOptions JsoncOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads and merges the settings files.</summary>
    /// <param name="options">Where to look; <see langword="null"/> for the current directory and every source.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The merged settings, where each top-level key came from, and the files read.</returns>
    /// <exception cref="QoderConfigurationException">A file is not a JSON object (comments are allowed), or <c>QODER_CONFIG_DIR_NAME</c> is not a usable folder name.</exception>
    public static async Task<QoderResolvedSettings> ResolveAsync(QoderResolveSettingsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var cwd = Path.GetFullPath(options?.WorkingDirectory ?? Directory.GetCurrentDirectory());
        string? Variable(string name) => options?.Environment is { } environment
            ? environment.GetValueOrDefault(name)
            : System.Environment.GetEnvironmentVariable(name);

        var folderName = FolderName(Variable("QODER_CONFIG_DIR_NAME"));
        var homeSetting = Variable("QODER_CLI_HOME") ?? Variable("GEMINI_CLI_HOME");
        var home = string.IsNullOrEmpty(homeSetting)
            ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)
            : Path.GetFullPath(homeSetting, cwd);
        var userFolder = Variable("QODER_CONFIG_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, cwd)
            : Path.Combine(home, folderName);
        var projectFolder = Path.Combine(cwd, folderName);

        // In the home folder the project folder is the user folder: the CLI reads it once, as user settings.
        var atHome = string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(home)), Path.TrimEndingDirectorySeparator(cwd), StringComparison.Ordinal);
        var wanted = new HashSet<string>(options?.SettingSources ?? AllSources, StringComparer.Ordinal);
        var files = new List<QoderSettingsFile>();
        foreach (var (source, path) in new[]
        {
            ("user", Path.Combine(userFolder, "settings.json")),
            ("project", Path.Combine(projectFolder, "settings.json")),
            ("local", Path.Combine(projectFolder, "settings.local.json")),
        })
        {
            if (wanted.Contains(source) && (source == "user" || !atHome) && await ReadAsync(source, path, cancellationToken).ConfigureAwait(false) is { } file)
            {
                files.Add(file);
            }
        }

        var effective = new JsonObject();
        var provenance = new Dictionary<string, QoderSettingsProvenance>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            SettingsMerge.Into(effective, file.Settings);
            foreach (var (key, _) in file.Settings)
            {
                provenance[key] = new QoderSettingsProvenance(file.Source, file.Path);
            }
        }

        return new QoderResolvedSettings { Effective = effective, Provenance = provenance, Sources = files };
    }

    /// <summary>
    /// The effective settings without <c>permissions.defaultMode</c> when it escalates permissions (<c>bypassPermissions</c>,
    /// <c>yolo</c>, <c>auto</c>, <c>acceptEdits</c>) and the project file is the one that set it: a repository must not
    /// raise the permissions of a host that opens it. Otherwise the effective settings unchanged.
    /// </summary>
    /// <param name="resolved">The resolved settings.</param>
    /// <returns>A copy of the effective settings, filtered.</returns>
    public static JsonObject FilterEscalatingDefaultMode(QoderResolvedSettings resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var effective = resolved.Effective.DeepClone().AsObject();
        if (effective["permissions"] is not JsonObject permissions
            || permissions["defaultMode"] is not JsonValue mode
            || mode.GetValueKind() != JsonValueKind.String
            || !EscalatingModes.Contains(mode.GetValue<string>()))
        {
            return effective;
        }

        var winner = resolved.Sources.LastOrDefault(f => f.Settings["permissions"] is JsonObject p && p.ContainsKey("defaultMode"));
        if (winner?.Source == "project")
        {
            permissions.Remove("defaultMode");
        }

        return effective;
    }

    private static async Task<QoderSettingsFile?> ReadAsync(string source, string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: JsoncOptions);
        }
        catch (JsonException ex)
        {
            throw new QoderConfigurationException(source, $"Unable to parse settings from {path}: {ex.Message} Fix the file's JSON.", ex);
        }

        return node is JsonObject settings
            ? new QoderSettingsFile(source, path, SettingsMerge.Clean(settings))
            : throw new QoderConfigurationException(source, $"Settings from {path} must be a JSON object.");
    }

    /// <summary>The folder name of <c>QODER_CONFIG_DIR_NAME</c>, checked as the CLI checks it, else <c>.qoder</c>.</summary>
    private static string FolderName(string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return DefaultFolderName;
        }

        var name = configured.Normalize(NormalizationForm.FormC);
        var length = name.EnumerateRunes().Count();
        if (length is < 1 or > 64 || name.StartsWith(' ') || name.EndsWith(' ') || name.EndsWith('.')
            || !AllowedName().IsMatch(name) || ReservedDeviceName().IsMatch(name))
        {
            throw new QoderConfigurationException("QODER_CONFIG_DIR_NAME", "QODER_CONFIG_DIR_NAME must be a valid directory name (1 to 64 letters, digits, '.', '_', '-' or spaces, not a device name).");
        }

        return ProtectedFolderNames.Contains(name.ToLowerInvariant())
            ? throw new QoderConfigurationException("QODER_CONFIG_DIR_NAME", "QODER_CONFIG_DIR_NAME must not use a protected directory name such as .git or node_modules.")
            : name;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}\p{M}._ -]+$")]
    private static partial Regex AllowedName();

    [GeneratedRegex(@"^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDeviceName();
}
