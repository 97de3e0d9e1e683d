using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;
using Qoder.AgentSdk.Testing.Internal.Turns;

namespace Qoder.AgentSdk.Testing.Internal.Initialize;

/// <summary>What the session announces about itself: system/init (at initialize and each turn) and the initialize response.</summary>
internal static class InitMessages
{
    public static JsonObject SystemInit(SessionState state, SdkMcpServers mcp)
    {
        var tools = new JsonArray([.. state.Scenario.Tools.Select(t => (JsonNode?)t)]);
        var servers = new JsonArray();
        foreach (var server in mcp.Servers)
        {
            foreach (var tool in server.Tools)
            {
                tools.Add((JsonNode)$"mcp__{server.Name}__{Wire.Str(tool["name"])}");
            }

            servers.Add((JsonNode)new JsonObject { ["name"] = server.Name, ["status"] = server.Status });
        }

        return new JsonObject
        {
            ["type"] = "system",
            ["subtype"] = "init",
            ["apiKeySource"] = "none",
            ["qodercli_version"] = state.Scenario.CliVersion,
            ["protocol_version"] = state.Scenario.ProtocolVersion,
            ["cwd"] = state.Cwd,
            ["tools"] = tools,
            ["mcp_servers"] = servers,
            ["model"] = state.Model,
            ["permissionMode"] = state.PermissionMode,
            ["slash_commands"] = Wire.Strings(Wire.SlashCommandNames),
            ["output_style"] = "default",
            ["agents"] = Wire.Strings(Wire.AgentNames),
            ["skills"] = Wire.Strings(Wire.SkillNames),
            ["plugins"] = new JsonArray(),
            ["capabilities"] = Wire.Strings(Wire.CapabilitiesOf(state.Scenario)),
            ["fast_mode_state"] = "off",
            ["uuid"] = Wire.NewId(),
            ["session_id"] = state.SessionId,
        };
    }

    public static JsonObject InitializeResponse(SessionState state)
    {
        var response = InitializeResponseBase(state);
        if (state.MemoryConfig is { } memory)
        {
            // The effective configuration, as the CLI reports it; the host flushes generation before closing stdin when enabled.
            response["memory"] = new JsonObject { ["enabled"] = true, ["requester"] = "sdk", ["mode"] = Wire.Str(memory["mode"]) };
        }

        if (state.SkillEvolutionConfig is { } skill)
        {
            response["evolution"] = new JsonObject
            {
                ["skill"] = new JsonObject { ["enabled"] = true, ["requester"] = "sdk", ["mode"] = Wire.Str(skill["mode"]), ["reviewThreshold"] = TurnCompleteWork.ReviewThreshold(skill) },
            };
        }

        return response;
    }

    private static JsonObject InitializeResponseBase(SessionState state) => new()
    {
        ["commands"] = new JsonArray([.. Wire.Commands.Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name, ["description"] = c.Description, ["argumentHint"] = c.Hint,
        })]),
        ["agents"] = new JsonArray([.. Wire.Agents.Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["description"] = a.Description })]),
        ["skills"] = new JsonArray([.. Wire.Skills.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name, ["description"] = s.Description, ["source"] = "built-in",
        })]),
        ["output_style"] = "default",
        ["available_output_styles"] = new JsonArray("default", "Explanatory", "Learning"),
        ["models"] = state.Scenario.ModelCatalog(),
        ["account"] = new JsonObject(),
        ["capabilities"] = Wire.Strings(Wire.CapabilitiesOf(state.Scenario)),
        ["pid"] = Environment.ProcessId,
    };
}
