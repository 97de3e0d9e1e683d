using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Mcp;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>Queries of the session (context, usage, skills, plugins, title, side question), answered in the real CLI's shapes.</summary>
internal sealed class SessionQueryHandler(SessionState state, SessionOutput output, SdkMcpServers mcp)
{
    /// <summary>The scenario's catalog when it sets one (as initialize announces it), else the stand-in's own.</summary>
    public Task GetModelsAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["models"] = state.Scenario.Models.Count > 0 ? state.Scenario.ModelCatalog() : ModelCatalog.Models() });

    public Task GetContextUsageAsync(string requestId, JsonObject request)
    {
        var skills = new JsonArray([.. Wire.Skills.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name, ["source"] = "built-in", ["percentageOfContext"] = 0.1,
        })]);
        return output.RespondSuccessAsync(requestId, new JsonObject
        {
            ["model"] = state.Model,
            ["contextWindow"] = new JsonObject { ["usedPercentage"] = 1.7 },
            ["categories"] = new JsonArray(
                Category("system_prompt", 0), Category("system_tools", 1.6), Category("skills", 0.1), Category("free_space", 91.4), Category("auto_compact", 6.8)),
            ["autoCompact"] = new JsonObject { ["enabled"] = false, ["thresholdPercentage"] = 93.2 },
            ["skills"] = new JsonObject { ["count"] = Wire.Skills.Length, ["percentageOfContext"] = 0.2, ["items"] = skills },
            ["duplicateFileReads"] = new JsonArray(),
            ["session"] = new JsonObject
            {
                ["messageCount"] = 0,
                ["promptCount"] = 0,
                ["toolCalls"] = new JsonObject { ["total"] = 0, ["succeeded"] = 0, ["failed"] = 0 },
                ["linesChanged"] = new JsonObject { ["added"] = 0, ["removed"] = 0 },
            },
        });
    }

    /// <summary>No login, so no account quota, but the session's own credits, as the CLI answers offline.</summary>
    public Task GetUsageInfoAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject
        {
            ["usage"] = null,
            ["session"] = new JsonObject { ["total_credits"] = 0, ["model_usage"] = new JsonObject() },
        });

    public Task ReloadSkillsAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["skills"] = SkillCommands() });

    public Task ReloadPluginsAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject
        {
            ["commands"] = new JsonArray([.. Wire.Commands.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name, ["description"] = c.Description, ["argumentHint"] = c.Hint,
            })]),
            ["agents"] = new JsonArray([.. Wire.Agents.Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["description"] = a.Description })]),
            ["plugins"] = new JsonArray(),
            ["mcpServers"] = mcp.Status()["servers"]!.DeepClone(),
            ["error_count"] = 0,
        });

    public Task ListPluginsAsync(string requestId, JsonObject request) =>
        output.RespondSuccessAsync(requestId, new JsonObject { ["plugins"] = new JsonArray() });

    /// <summary>The first words of the description stand in for the model's title.</summary>
    public Task GenerateSessionTitleAsync(string requestId, JsonObject request)
    {
        var description = Wire.Str(request["description"]);
        if (description is null)
        {
            return output.RespondErrorAsync(requestId, "missing description");
        }

        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return output.RespondSuccessAsync(requestId, new JsonObject { ["title"] = words.Length == 0 ? null : string.Join(' ', words.Take(6)) });
    }

    /// <summary>Reports progress, then answers with the scenario's default reply.</summary>
    public async Task SideQuestionAsync(string requestId, JsonObject request)
    {
        if (Wire.Str(request["question"]) is not { Length: > 0 })
        {
            await output.RespondErrorAsync(requestId, "missing question").ConfigureAwait(false);
            return;
        }

        await output.WriteStampedAsync(new JsonObject
        {
            ["type"] = "system",
            ["subtype"] = "control_request_progress",
            ["request_id"] = requestId,
            ["status"] = "started",
        }).ConfigureAwait(false);
        await output.RespondSuccessAsync(requestId, new JsonObject { ["response"] = state.Scenario.DefaultReply, ["synthetic"] = false }).ConfigureAwait(false);
    }

    private static JsonObject Category(string type, double percentage) => new() { ["type"] = type, ["percentage"] = percentage };

    private static JsonArray SkillCommands() =>
        new([.. Wire.Skills.Select(s => (JsonNode?)new JsonObject { ["name"] = s.Name, ["description"] = s.Description, ["argumentHint"] = "" })]);
}
