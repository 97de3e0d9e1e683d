using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Prepares <c>--settings</c> as the official SDK does (docs/protocol.md, The settings argument): a string is passed
/// verbatim unless something must be merged into it; an object is rewritten and passed inline; a settings file that
/// needs rewriting is copied to a private temp folder.
/// </summary>
internal sealed class SettingsArgument : IDisposable
{
    private SettingsArgument(string? value, string? generatedDirectory)
    {
        Value = value;
        GeneratedDirectory = generatedDirectory;
    }

    public string? Value { get; }

    public string? GeneratedDirectory { get; }

    public static SettingsArgument Prepare(QoderAgentOptions options)
    {
        if (options.Settings is not null && options.SettingsObject is not null)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.SettingsObject), "cannot be combined with Settings; set one of the two.");
        }

        var rules = McpPolicyRules.Collect(options);
        var settings = options.Settings;
        if (settings is not null)
        {
            if (settings.Length == 0)
            {
                return new SettingsArgument(null, null);
            }

            if (!rules.Any && options.EnableFileCheckpointing != true && options.SecurityScan is null && options.AdditionalDirectories.Count == 0)
            {
                return new SettingsArgument(settings, null);
            }

            // The official SDK reads the string as a path here; inline JSON is merged in place instead of failing on a missing file.
            if (settings.TrimStart().StartsWith('{'))
            {
                var inline = ParseObject(settings.Trim(), "QoderAgentOptions.Settings");
                Transform(inline, options, rules);
                return new SettingsArgument(inline.Count == 0 ? null : LaunchArguments.ToArgvJson(inline), null);
            }

            var fromFile = ReadFile(settings);
            Transform(fromFile, options, rules);
            if (fromFile.Count == 0)
            {
                return new SettingsArgument(null, null);
            }

            var directory = Directory.CreateTempSubdirectory("qoder-agent-sdk-settings-").FullName;
            var path = Path.Combine(directory, "settings.json");
            File.WriteAllText(path, LaunchArguments.ToArgvJson(fromFile));
            return new SettingsArgument(path, directory);
        }

        var created = options.SettingsObject?.DeepClone().AsObject() ?? [];
        Transform(created, options, rules);
        return new SettingsArgument(created.Count == 0 ? null : LaunchArguments.ToArgvJson(created), null);
    }

    public void Dispose()
    {
        if (GeneratedDirectory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(GeneratedDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static JsonObject ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.Settings), $"the settings file {path} cannot be read: {ex.Message}", ex);
        }

        return text.Length == 0 ? [] : ParseObject(text, $"the settings file {path}");
    }

    private static JsonObject ParseObject(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new QoderConfigurationException(nameof(QoderAgentOptions.Settings), $"{what} must contain a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.Settings), $"{what} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Transform(JsonObject settings, QoderAgentOptions options, McpPolicyRules rules)
    {
        TranslatePermissionModes(settings);
        MergeAdditionalDirectories(settings, options.AdditionalDirectories);
        rules.MergeInto(settings);
        if (options.SecurityScan is { } scan)
        {
            settings["securityScan"] = new JsonObject
            {
                ["l1StaticCheck"] = scan.L1StaticCheck,
                ["l2LightweightScan"] = scan.L2LightweightScan,
                ["l3DeepScan"] = scan.L3DeepScan,
            };
        }

        if (options.EnableFileCheckpointing == true)
        {
            var general = Child(settings, "general");
            Child(general, "fileCheckpointing")["enabled"] = true;
        }
    }

    private static void TranslatePermissionModes(JsonObject settings)
    {
        if (settings["permissions"] is not JsonObject permissions)
        {
            return;
        }

        if (permissions.TryGetPropertyValue("defaultMode", out var defaultMode) && defaultMode is not null)
        {
            var general = Child(settings, "general");
            if (defaultMode is JsonValue value && value.TryGetValue<string>(out var mode) && TranslateMode(mode) is { } translated
                && !general.ContainsKey("defaultPermissionMode"))
            {
                general["defaultPermissionMode"] = translated;
            }
        }

        if (permissions["disableBypassPermissionsMode"] is JsonValue disable && disable.TryGetValue<string>(out var flag) && flag == "disable")
        {
            Child(settings, "security")["disableYoloMode"] = true;
        }
    }

    private static void MergeAdditionalDirectories(JsonObject settings, IList<string> additionalDirectories)
    {
        if (additionalDirectories.Count == 0)
        {
            return;
        }

        var permissions = Child(settings, "permissions");
        permissions["additionalDirectories"] = McpPolicyRules.Union(permissions["additionalDirectories"], additionalDirectories);
    }

    /// <summary>The object under <paramref name="name"/>, created (or replacing a non-object) when missing.</summary>
    internal static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    private static string? TranslateMode(string mode) => mode switch
    {
        "acceptEdits" => "accept_edits",
        "bypassPermissions" or "yolo" => "bypass_permissions",
        "dontAsk" => "dont_ask",
        "default" or "plan" or "auto" or "accept_edits" or "bypass_permissions" or "dont_ask" => mode,
        _ => null,
    };
}
