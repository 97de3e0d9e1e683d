using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Control;

/// <summary>
/// The routes of the typed control requests beyond the core ones. Immediate ones are those the CLI handles mid-turn; a
/// request whose capability the scenario removed is refused as an older CLI refuses an unknown request.
/// </summary>
internal sealed class ExtendedControlRoutes(
    SessionState state, SessionOutput output, PlanAndGoalHandler planAndGoal, SessionQueryHandler queries, SessionChangeHandler changes, McpControlHandler mcp)
{
    private readonly ByokControlHandler _byok = new(output);
    private readonly RemoteProjectionHandler _projection = new(output);

    public void AddTo(Dictionary<string, ControlRoute> routes)
    {
        routes["set_plan_mode"] = Now("plan_mode_v1", planAndGoal.SetPlanModeAsync);
        routes["get_plan_mode"] = Now("plan_mode_v1", planAndGoal.GetPlanModeAsync);
        routes["set_goal"] = Now("goal_v1", planAndGoal.SetGoalAsync);
        routes["get_goal"] = Now("goal_v1", planAndGoal.GetGoalAsync);
        routes["clear_goal"] = Now("goal_v1", planAndGoal.ClearGoalAsync);
        routes["set_goal_max_turns"] = Now("goal_max_turns_v1", planAndGoal.SetGoalMaxTurnsAsync);
        routes["stop_task"] = Now("background_tasks_v1", changes.AcknowledgeAsync);
        routes["background_tasks"] = Now("background_tasks_v1", changes.AcknowledgeAsync);
        routes["generate_session_title"] = Now(null, queries.GenerateSessionTitleAsync);
        routes["side_question"] = Now("side_question_v1", queries.SideQuestionAsync);

        routes["get_models"] = Later(null, queries.GetModelsAsync);
        routes["get_context_usage"] = Later(null, queries.GetContextUsageAsync);
        routes["get_usage_info"] = Later(null, queries.GetUsageInfoAsync);
        routes["get_settings"] = Later(null, changes.GetSettingsAsync);
        routes["reload_skills"] = Later("reload_skills_v1", queries.ReloadSkillsAsync);
        routes["reload_plugins"] = Later(null, queries.ReloadPluginsAsync);
        routes["list_plugins"] = Later(null, queries.ListPluginsAsync);
        routes["set_proxy"] = Later(null, changes.SetProxyAsync);
        routes["add_directories"] = Later(null, changes.AddDirectoriesAsync);
        routes["apply_flag_settings"] = Later(null, changes.ApplyFlagSettingsAsync);
        routes["set_max_thinking_tokens"] = Later(null, changes.AcknowledgeAsync);
        routes["seed_read_state"] = Later(null, changes.AcknowledgeAsync);
        routes["flush_memory"] = Later(null, changes.AcknowledgeAsync);
        routes["refresh_memory"] = Later(null, changes.AcknowledgeAsync);
        routes["flush_skill_evolution"] = Later("skill_evolution_v1", changes.AcknowledgeAsync);
        routes["end_session"] = Later(null, changes.EndSessionAsync);
        routes["rewind"] = Later("session_rewind_v1", changes.RewindAsync);
        routes["rewind_files"] = Later(null, changes.RewindFilesAsync);
        routes["mcp_set_servers"] = Later(null, mcp.SetServersAsync);
        routes["mcp_toggle"] = Later(null, mcp.ToggleAsync);
        routes["mcp_reconnect"] = Later(null, mcp.ReconnectAsync);
        routes["mcp_authenticate"] = Later(null, mcp.AuthenticateAsync);
        routes["mcp_oauth_callback_url"] = Later(null, mcp.AcknowledgeKnownServerAsync);
        routes["mcp_clear_auth"] = Later(null, mcp.AcknowledgeKnownServerAsync);
        routes["get_byok_config"] = Later(null, _byok.GetConfigAsync);
        routes["validate_byok_model"] = Later(null, _byok.ValidateModelAsync);
        routes["list_byok_configs"] = Later("byok_config_management_v1", _byok.ListConfigsAsync);
        routes["create_byok_config"] = Later("byok_config_management_v1", _byok.CreateConfigAsync);
        routes["update_byok_config"] = Later("byok_config_management_v1", _byok.UpdateConfigAsync);
        routes["delete_byok_config"] = Later("byok_config_management_v1", _byok.DeleteConfigAsync);
        routes["check_byok_config"] = Later("byok_config_management_v1", _byok.CheckConfigAsync);
        routes["enable_remote_projection"] = Now(null, _projection.EnableAsync);
        routes["disable_remote_projection"] = Now(null, _projection.DisableAsync);
    }

    private ControlRoute Now(string? capability, Func<string, JsonObject, Task> handle) => ControlRoute.OnArrival(Gate(capability, handle));

    private ControlRoute Later(string? capability, Func<string, JsonObject, Task> handle) => ControlRoute.BetweenTurns(Gate(capability, handle));

    private Func<string, JsonObject, Task> Gate(string? capability, Func<string, JsonObject, Task> handle) => (requestId, request) =>
    {
        var subtype = Wire.Str(request["subtype"]) ?? Wire.Str(request["type"]);
        if (capability is not null && !Wire.CapabilitiesOf(state.Scenario).Contains(capability, StringComparer.Ordinal))
        {
            return output.RespondErrorAsync(requestId, $"Unsupported control request type: \"{subtype}\"");
        }

        // A scripted answer replaces the built-in one, for shapes the built-in handler does not produce.
        return subtype is not null && state.Scenario.ControlResponses.TryGetValue(subtype, out var scripted)
            ? scripted["error"] is { } error
                ? output.RespondErrorAsync(requestId, error.ToString(), Wire.Str(scripted["code"]))
                : output.RespondSuccessAsync(requestId, scripted["response"]?.DeepClone() as JsonObject)
            : handle(requestId, request);
    };
}
