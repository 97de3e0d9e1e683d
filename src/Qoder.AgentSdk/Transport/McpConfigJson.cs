using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qoder.AgentSdk.Transport;

/// <summary>
/// The JSON of MCP server configurations as the official SDK writes it (docs/protocol.md, Launch): fields in the order
/// set, empty collections kept, per-tool <c>exposedName</c>/<c>alwaysLoad</c> as <c>toolOverrides</c>.
/// </summary>
internal static partial class McpConfigJson
{
    private static readonly string[] ReservedExposedNames = ["mcp_list", "mcp_get", "mcp_call"];

    public static JsonObject Server(string name, QoderMcpServerConfig server)
    {
        var config = new JsonObject();
        Add(config, "type", server.Type);
        Add(config, "command", server.Command);
        if (server.Args is not null)
        {
            config["args"] = new JsonArray([.. server.Args.Select(a => JsonValue.Create(a))]);
        }

        AddMap(config, "env", server.Env);
        Add(config, "url", server.Url);
        AddMap(config, "headers", server.Headers);
        if (server.Timeout is { } timeout)
        {
            config["timeout"] = timeout;
        }

        if (ToolOverrides(name, server.ToolPolicies) is { } overrides)
        {
            config["toolOverrides"] = overrides;
        }

        return config;
    }

    /// <summary>The <c>toolOverrides</c> of one server, or <see langword="null"/> when no tool sets any.</summary>
    /// <exception cref="QoderConfigurationException">An exposed name is invalid or lacks <c>AlwaysLoad</c>.</exception>
    public static JsonObject? ToolOverrides(string server, IEnumerable<QoderMcpToolPolicy> policies)
    {
        var overrides = new JsonObject();
        foreach (var policy in policies)
        {
            Validate(server, policy);
            if (policy.ExposedName is null && !policy.AlwaysLoad)
            {
                continue;
            }

            var entry = new JsonObject();
            Add(entry, "exposedName", policy.ExposedName);
            if (policy.AlwaysLoad)
            {
                entry["alwaysLoad"] = true;
            }

            overrides[policy.Name] = entry;
        }

        return overrides.Count > 0 ? overrides : null;
    }

    /// <summary>The permission rule name of a tool: <c>mcp__&lt;server&gt;__&lt;tool&gt;</c> with unsafe characters replaced, or the name itself when it is already a rule.</summary>
    /// <exception cref="QoderConfigurationException">Nothing is left of the server or tool name.</exception>
    public static string RuleName(string server, string tool)
    {
        if (tool.StartsWith("mcp__", StringComparison.Ordinal))
        {
            return tool;
        }

        var safeServer = Sanitize(server);
        var safeTool = tool == "*" ? "*" : Sanitize(tool);
        if (safeServer.Length == 0 || safeTool.Length == 0)
        {
            throw new QoderConfigurationException("McpServers", $"the tool policy name for server \"{server}\" and tool \"{tool}\" is empty once reduced to A-Z a-z 0-9 _ -.");
        }

        return $"mcp__{safeServer}__{safeTool}";
    }

    private static void Validate(string server, QoderMcpToolPolicy policy)
    {
        if (policy.ExposedName is not { } exposed)
        {
            return;
        }

        if (!policy.AlwaysLoad)
        {
            throw new QoderConfigurationException("McpServers", $"tool \"{server}/{policy.Name}\" sets ExposedName and so needs AlwaysLoad = true.");
        }

        if (!ExposedNamePattern().IsMatch(exposed))
        {
            throw new QoderConfigurationException("McpServers", $"tool \"{server}/{policy.Name}\" has the exposed name \"{exposed}\"; use 1-64 of A-Z a-z 0-9 _ -.");
        }

        if (ReservedExposedNames.Contains(exposed))
        {
            throw new QoderConfigurationException("McpServers", $"tool \"{server}/{policy.Name}\" cannot use the reserved exposed name \"{exposed}\".");
        }
    }

    private static string Sanitize(string name) => EdgeUnderscores().Replace(Underscores().Replace(Unsafe().Replace(name, "_"), "_"), string.Empty);

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void AddMap(JsonObject target, string name, IDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        target[name] = map;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ExposedNamePattern();

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex Unsafe();

    [GeneratedRegex("_+")]
    private static partial Regex Underscores();

    [GeneratedRegex("^_|_$")]
    private static partial Regex EdgeUnderscores();
}
