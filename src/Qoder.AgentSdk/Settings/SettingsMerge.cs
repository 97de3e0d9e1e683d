using System.Text.Json.Nodes;
using Qoder.AgentSdk.Internal;

namespace Qoder.AgentSdk.Settings;

/// <summary>
/// The CLI's merge of settings files: objects merge deeply and later files win, except for maps that are replaced one
/// level deep, lists whose entries are pooled without duplicates, and hook lists that are appended.
/// </summary>
internal static class SettingsMerge
{
    private static readonly HashSet<string> ShallowPaths = new(StringComparer.Ordinal)
    {
        "mcpServers", "providers", "skillOverrides", "enabledPlugins", "extraKnownMarketplaces", "pluginConfigs",
    };

    private static readonly HashSet<string> UnionPaths = new(StringComparer.Ordinal)
    {
        "context.fileFiltering.customIgnoreFilePaths", "tools.exclude", "mcp.enabledProjectMcpServers", "mcp.disabledProjectMcpServers",
        "security.approvedExternalImportProjects", "advanced.excludedEnvVars", "extensions.disabled", "extensions.workspacesWithMigrationNudge",
        "plugins.enabled", "plugins.disabled", "skills.disabled", "blockedMarketplaces", "allowedHttpHookUrls",
    };

    /// <summary>Keys the CLI drops on read, so that a file cannot reach an object's prototype.</summary>
    public static bool IsForbidden(string key) => key is "__proto__" or "constructor" or "prototype";

    /// <summary>A copy of <paramref name="source"/> without forbidden keys, at any depth.</summary>
    public static JsonObject Clean(JsonObject source)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (!IsForbidden(key))
            {
                result[key] = Clean(value);
            }
        }

        return result;
    }

    /// <summary>Merges <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Into(JsonObject target, JsonObject source) => Into(target, source, []);

    private static void Into(JsonObject target, JsonObject source, List<string> path)
    {
        foreach (var (key, value) in source)
        {
            if (IsForbidden(key))
            {
                continue;
            }

            List<string> keyPath = [.. path, key];
            var existing = target[key];
            var mode = ModeOf(keyPath);
            if (mode == Mode.Shallow && JsonTruthiness.IsTruthy(existing) && JsonTruthiness.IsTruthy(value))
            {
                var replaced = new JsonObject();
                CopyInto(replaced, existing as JsonObject);
                CopyInto(replaced, value as JsonObject);
                target[key] = replaced;
                continue;
            }

            if (existing is JsonArray list && mode is Mode.Concat or Mode.Union)
            {
                var added = value is JsonArray array ? [.. array] : new List<JsonNode?> { value };
                target[key] = mode == Mode.Concat ? new JsonArray([.. list.Select(Clean), .. added.Select(Clean)]) : Union(list, added);
                continue;
            }

            if (existing is JsonObject existingObject && value is JsonObject valueObject)
            {
                Into(existingObject, valueObject, keyPath);
            }
            else if (value is JsonObject nested)
            {
                var fresh = new JsonObject();
                Into(fresh, nested, keyPath);
                target[key] = fresh;
            }
            else
            {
                target[key] = Clean(value);
            }
        }
    }

    /// <summary>Entries of both lists in order; equal scalars once (objects and lists are never equal, as in the CLI).</summary>
    private static JsonArray Union(JsonArray existing, List<JsonNode?> added)
    {
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in existing.Concat(added))
        {
            if (item is JsonValue or null && !seen.Add(item?.ToJsonString() ?? "null"))
            {
                continue;
            }

            result.Add(Clean(item));
        }

        return result;
    }

    private static void CopyInto(JsonObject target, JsonObject? source)
    {
        if (source is null)
        {
            return;
        }

        foreach (var (key, value) in source)
        {
            if (!IsForbidden(key))
            {
                target[key] = Clean(value);
            }
        }
    }

    private static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject obj => Clean(obj),
        JsonArray array => new JsonArray([.. array.Select(Clean)]),
        _ => node?.DeepClone(),
    };


    private static Mode ModeOf(List<string> path)
    {
        var joined = string.Join('.', path);
        if (ShallowPaths.Contains(joined) || (path.Count == 2 && path[0] == "providers"))
        {
            return Mode.Shallow;
        }

        if (UnionPaths.Contains(joined))
        {
            return Mode.Union;
        }

        return path.Count == 2 && path[0] == "hooks" ? Mode.Concat : Mode.Deep;
    }

    private enum Mode
    {
        Deep,
        Shallow,
        Union,
        Concat,
    }
}
