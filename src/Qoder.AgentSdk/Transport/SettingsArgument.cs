using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// Prepares <c>--settings</c> as the official SDK does (docs/protocol.md, Launch): permission-mode names are translated, additional
/// directories merged; a settings file that needs rewriting is copied to a private temp folder.
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
        var settings = options.Settings;
        if (settings is not null && settings.TrimStart().StartsWith('{'))
        {
            var inline = ParseObject(settings, "QoderAgentOptions.Settings");
            Transform(inline, options.AdditionalDirectories, translateMode: true);
            return new SettingsArgument(inline.Count == 0 ? null : LaunchArguments.ToArgvJson(inline), null);
        }

        if (string.IsNullOrEmpty(settings))
        {
            if (options.AdditionalDirectories.Count == 0)
            {
                return new SettingsArgument(null, null);
            }

            var created = new JsonObject();
            Transform(created, options.AdditionalDirectories, translateMode: true);
            return new SettingsArgument(LaunchArguments.ToArgvJson(created), null);
        }

        if (options.AdditionalDirectories.Count == 0)
        {
            return new SettingsArgument(settings, null);
        }

        string text;
        try
        {
            text = File.ReadAllText(settings).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QoderConfigurationException(nameof(QoderAgentOptions.Settings), $"the settings file {settings} cannot be read: {ex.Message}", ex);
        }

        var fromFile = text.Length == 0 ? [] : ParseObject(text, $"the settings file {settings}");
        Transform(fromFile, options.AdditionalDirectories, translateMode: true);
        var directory = Directory.CreateTempSubdirectory("qoder-agent-sdk-settings-").FullName;
        var path = Path.Combine(directory, "settings.json");
        File.WriteAllText(path, LaunchArguments.ToArgvJson(fromFile));
        return new SettingsArgument(path, directory);
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

    private static void Transform(JsonObject settings, IList<string> additionalDirectories, bool translateMode)
    {
        if (translateMode && settings["permissions"] is JsonObject permissions)
        {
            if (permissions["defaultMode"] is JsonValue defaultMode && defaultMode.TryGetValue<string>(out var mode)
                && TranslateMode(mode) is { } translated)
            {
                var general = settings["general"] as JsonObject;
                if (general is null)
                {
                    general = [];
                    settings["general"] = general;
                }

                if (!general.ContainsKey("defaultPermissionMode"))
                {
                    general["defaultPermissionMode"] = translated;
                }
            }

            if (permissions["disableBypassPermissionsMode"] is JsonValue disable && disable.TryGetValue<string>(out var value) && value == "disable")
            {
                var security = settings["security"] as JsonObject;
                if (security is null)
                {
                    security = [];
                    settings["security"] = security;
                }

                security["disableYoloMode"] = true;
            }
        }

        if (additionalDirectories.Count == 0)
        {
            return;
        }

        var perms = settings["permissions"] as JsonObject;
        if (perms is null)
        {
            perms = [];
            settings["permissions"] = perms;
        }

        var existing = perms["additionalDirectories"] is JsonArray array
            ? array.Select(n => n?.GetValue<string>()).OfType<string>().ToList()
            : [];
        foreach (var directory in additionalDirectories)
        {
            if (!existing.Contains(directory))
            {
                existing.Add(directory);
            }
        }

        perms["additionalDirectories"] = new JsonArray([.. existing.Select(d => JsonValue.Create(d))]);
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
