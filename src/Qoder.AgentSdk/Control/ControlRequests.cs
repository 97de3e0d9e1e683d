using System.Text.Json.Nodes;

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

        if (options.SystemPrompt is not null)
        {
            request["systemPrompt"] = options.SystemPrompt;
        }

        if (options.AppendSystemPrompt is not null)
        {
            request["appendSystemPrompt"] = options.AppendSystemPrompt;
        }

        if (HookDispatcher.Registration(options.Hooks) is { } hooks)
        {
            request["hooks"] = hooks;
        }

        if (options.SdkMcpServers.Count > 0)
        {
            request["sdkMcpServers"] = new JsonArray([.. options.SdkMcpServers.Keys.Select(name => (JsonNode?)name)]);
        }

        if (options.Agents.Count > 0)
        {
            request["agents"] = Agents(options.Agents);
        }

        request["subtype"] = "initialize";
        return request;
    }

    public static JsonObject Simple(string subtype) => new() { ["subtype"] = subtype, ["type"] = subtype };

    public static JsonObject SetModel(string? model) => new() { ["subtype"] = "set_model", ["type"] = "set_model", ["model"] = model ?? string.Empty };

    public static JsonObject SetPermissionMode(QoderPermissionMode mode) => new()
    {
        ["subtype"] = "set_permission_mode",
        ["type"] = "set_permission_mode",
        ["mode"] = mode.ToEffectiveMode().ToWireName(),
    };

    private static JsonObject Agents(IDictionary<string, QoderAgentDefinition> agents)
    {
        var json = new JsonObject();
        foreach (var (name, agent) in agents)
        {
            var definition = new JsonObject { ["description"] = agent.Description, ["prompt"] = agent.Prompt };
            if (agent.Tools is not null)
            {
                definition["tools"] = new JsonArray([.. agent.Tools.Select(t => (JsonNode?)t)]);
            }

            if (agent.DisallowedTools is not null)
            {
                definition["disallowedTools"] = new JsonArray([.. agent.DisallowedTools.Select(t => (JsonNode?)t)]);
            }

            if (agent.Model is not null)
            {
                definition["model"] = agent.Model;
            }

            if (agent.MaxTurns is { } maxTurns)
            {
                definition["maxTurns"] = maxTurns;
            }

            json[name] = definition;
        }

        return json;
    }
}
