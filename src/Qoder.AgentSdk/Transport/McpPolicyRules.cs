using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Transport;

/// <summary>The permission rules that MCP per-tool policies add to the settings (<c>permissions.allow</c>/<c>ask</c>/<c>deny</c>).</summary>
internal sealed class McpPolicyRules
{
    private readonly List<string> _allow = [];
    private readonly List<string> _ask = [];
    private readonly List<string> _deny = [];

    public bool Any => _allow.Count + _ask.Count + _deny.Count > 0;

    /// <summary>Collects the rules of every server, external servers first, each in the order its policies are listed.</summary>
    public static McpPolicyRules Collect(QoderAgentOptions options)
    {
        var rules = new McpPolicyRules();
        foreach (var (name, server) in options.McpServers)
        {
            rules.Add(name, server.ToolPolicies);
        }

        foreach (var (name, server) in options.SdkMcpServers)
        {
            rules.Add(name, server.ToolPolicies);
        }

        return rules;
    }

    /// <summary>Adds the rules to the settings; all three lists are written once any rule exists, as the official SDK does.</summary>
    public void MergeInto(JsonObject settings)
    {
        if (!Any)
        {
            return;
        }

        var permissions = SettingsArgument.Child(settings, "permissions");
        permissions["allow"] = Union(permissions["allow"], _allow);
        permissions["ask"] = Union(permissions["ask"], _ask);
        permissions["deny"] = Union(permissions["deny"], _deny);
    }

    /// <summary>The strings of <paramref name="existing"/> (when an array) followed by the new ones not already present.</summary>
    public static JsonArray Union(JsonNode? existing, IEnumerable<string> added)
    {
        var result = existing is JsonArray array ? array.Select(n => n?.DeepClone()).ToList() : [];
        var seen = new HashSet<string>(result.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>(), StringComparer.Ordinal);
        foreach (var item in added)
        {
            if (seen.Add(item))
            {
                result.Add(JsonValue.Create(item));
            }
        }

        return new JsonArray([.. result]);
    }

    private void Add(string server, IEnumerable<QoderMcpToolPolicy> policies)
    {
        foreach (var policy in policies)
        {
            var target = policy.PermissionPolicy switch
            {
                QoderMcpToolPermissionPolicy.AlwaysAllow => _allow,
                QoderMcpToolPermissionPolicy.AlwaysAsk => _ask,
                QoderMcpToolPermissionPolicy.AlwaysDeny => _deny,
                _ => null,
            };
            target?.Add(McpConfigJson.RuleName(server, policy.Name));
        }
    }
}
