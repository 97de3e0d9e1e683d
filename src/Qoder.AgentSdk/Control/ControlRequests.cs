using System.Text.Json.Nodes;
using Qoder.AgentSdk.Transport;

namespace Qoder.AgentSdk.Control;

/// <summary>Bodies of the control requests the client sends. Both <c>type</c> and <c>subtype</c> are set, as the official SDK does.</summary>
internal static class ControlRequests
{
    /// <summary>Builds <c>initialize</c>. The catalog-ready handshake is requested only in SDK mode: a headless CLI without a login has no catalog to wait for.</summary>
    public static JsonObject Initialize(QoderAgentOptions options, bool sdkMode)
    {
        var request = new JsonObject
        {
            ["type"] = "initialize",
            ["modelPolicyProvider"] = options.ResolveModel is not null,
        };
        if (sdkMode)
        {
            request["supportsCatalogReadyInitialize"] = true;
        }

        request["supportsAvailableModelsUpdate"] = true;
        request["supportsCommandsChanged"] = true;
        if (sdkMode)
        {
            request["initializeTimeoutMs"] = 120000;
        }

        // The official SDK's order, so that the frames compare equal.
        if (HookDispatcher.Registration(options.Hooks) is { } hooks)
        {
            request["hooks"] = hooks;
        }

        if (options.SystemPrompt is not null)
        {
            request["systemPrompt"] = options.SystemPrompt;
        }

        if (options.AppendSystemPrompt is not null)
        {
            request["appendSystemPrompt"] = options.AppendSystemPrompt;
        }

        if (options.ModelRequestPatches is not null)
        {
            request["modelRequestPatches"] = options.ModelRequestPatches.DeepClone();
        }

        if (options.Agents.Count > 0)
        {
            request["agents"] = Agents(options.Agents);
        }

        if (options.Skills is not null)
        {
            request["skills"] = new JsonArray([.. options.Skills.Select(s => (JsonNode?)s)]);
        }

        if (options.PromptSuggestions is { } suggestions)
        {
            request["promptSuggestions"] = suggestions;
        }

        if (options.EnableFileCheckpointing is { } checkpointing)
        {
            request["enableFileCheckpointing"] = checkpointing;
        }

        if (FeatureConfigJson.Memory(options.Memory) is { } memory)
        {
            request["memory"] = memory;
        }

        if (FeatureConfigJson.Evolution(options.SkillEvolution) is { } evolution)
        {
            request["evolution"] = evolution;
        }

        if (options.ResolveSessionArtifacts is not null)
        {
            request["resolveSessionArtifacts"] = true;
        }

        if (options.SdkMcpServers.Count > 0)
        {
            request["sdkMcpServers"] = new JsonArray([.. options.SdkMcpServers.Keys.Select(name => (JsonNode?)name)]);
            var overrides = new JsonObject();
            foreach (var (name, server) in options.SdkMcpServers)
            {
                if (McpConfigJson.ToolOverrides(name, server.ToolPolicies) is { } tools)
                {
                    overrides[name] = tools;
                }
            }

            if (overrides.Count > 0)
            {
                request["sdkMcpToolOverrides"] = overrides;
            }
        }

        request["subtype"] = "initialize";
        return request;
    }

    /// <summary>Builds <c>set_plan_mode</c> as the official SDK sends it at start-up (no <c>type</c>).</summary>
    public static JsonObject SetPlanMode(bool active) => new() { ["subtype"] = "set_plan_mode", ["active"] = active };

    /// <summary>Builds <c>set_goal_max_turns</c>.</summary>
    public static JsonObject SetGoalMaxTurns(int maxTurns) => new() { ["subtype"] = "set_goal_max_turns", ["max_turns"] = maxTurns };

    public static JsonObject Simple(string subtype) => new() { ["subtype"] = subtype, ["type"] = subtype };

    public static JsonObject SetModel(string? model) => new() { ["subtype"] = "set_model", ["type"] = "set_model", ["model"] = model ?? string.Empty };

    public static JsonObject SetPermissionMode(QoderPermissionMode mode) => new()
    {
        ["subtype"] = "set_permission_mode",
        ["type"] = "set_permission_mode",
        ["mode"] = mode.ToEffectiveMode().ToWireName(),
    };

    internal static JsonObject Agents(IDictionary<string, QoderAgentDefinition> agents)
    {
        var json = new JsonObject();
        foreach (var (name, agent) in agents)
        {
            var definition = new JsonObject { ["description"] = agent.Description, ["prompt"] = agent.Prompt };
            AddList(definition, "tools", agent.Tools);
            AddList(definition, "disallowedTools", agent.DisallowedTools);
            if (agent.Model is not null)
            {
                definition["model"] = agent.Model;
            }

            if (agent.MaxTurns is { } maxTurns)
            {
                definition["maxTurns"] = maxTurns;
            }

            if (agent.McpServers is not null)
            {
                definition["mcpServers"] = new JsonArray([.. agent.McpServers.Select(AgentMcpServer)]);
            }

            AddList(definition, "skills", agent.Skills);
            AddString(definition, "initialPrompt", agent.InitialPrompt);
            AddString(definition, "effort", agent.Effort);
            AddString(definition, "permissionMode", agent.PermissionMode?.ToWireName());
            if (agent.Background is { } background)
            {
                definition["background"] = background;
            }

            AddString(definition, "memory", agent.Memory);
            AddString(definition, "isolation", agent.Isolation);
            json[name] = definition;
        }

        return json;
    }

    private static JsonNode AgentMcpServer(QoderAgentMcpServer server) =>
        server.Config is null ? JsonValue.Create(server.Name) : new JsonObject { [server.Name] = McpConfigJson.Server(server.Name, server.Config) };

    private static void AddList(JsonObject target, string name, IList<string>? values)
    {
        if (values is not null)
        {
            target[name] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        }
    }

    private static void AddString(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
