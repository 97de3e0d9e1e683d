using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

/// <summary>Every system subtype of the 1.0.39 protocol parses into its own record, from a line in the real shape.</summary>
public sealed class SystemMessageKindTests
{
    [Fact]
    public void Model_queue_status()
    {
        var m = Parse<ModelQueueStatusMessage>("""{"type":"system","subtype":"model_queue_status","status":"queued","request_id":"r","request_set_id":"rs","model_key":"performance","queue_type":"capacity","queue_count":3,"wait_time_ms":1500,"queue_wait_elapsed_ms":200,"queue_max_wait_ms":60000,"service_available":true,"uuid":"u","session_id":"s"}""");
        Assert.Equal(("queued", "performance", 3, 1500L, true), (m.Status, m.ModelKey, m.QueueCount, m.WaitTimeMs, m.ServiceAvailable));
    }

    [Fact]
    public void Control_request_progress()
    {
        var m = Parse<ControlRequestProgressMessage>("""{"type":"system","subtype":"control_request_progress","request_id":"q1","status":"api_retry","attempt":2,"max_retries":5,"retry_delay_ms":1000,"error_status":529,"uuid":"u","session_id":"s"}""");
        Assert.Equal(("q1", "api_retry", 2, 529), (m.RequestId, m.Status, m.Attempt, m.ErrorStatus));
    }

    [Fact]
    public void Background_tasks_changed()
    {
        var m = Parse<BackgroundTasksChangedMessage>("""{"type":"system","subtype":"background_tasks_changed","tasks":[{"task_id":"t1","task_type":"local_bash","description":"npm test"}],"uuid":"u","session_id":"s"}""");
        Assert.Equal(("t1", "local_bash", "npm test"), (m.Tasks[0].TaskId, m.Tasks[0].TaskType, m.Tasks[0].Description));
    }

    [Fact]
    public void Goal_updated_and_cleared_as_the_real_cli_prints_them()
    {
        var updated = Parse<GoalUpdatedMessage>("""{"type":"system","subtype":"goal_updated","goal":{"id":"1796093392148-801ae7","objective":"Ship it","status":"active","turns_used":0,"time_used_seconds":0,"created_at":1796093392148,"updated_at":1796093392148,"max_turns":100,"credits_used":0},"uuid":"u","session_id":"s"}""");
        var cleared = Parse<GoalClearedMessage>("""{"type":"system","subtype":"goal_cleared","goal_id":"1796093392148-801ae7","reason":"user","uuid":"u","session_id":"s"}""");

        Assert.Equal(("Ship it", "active", 100, 1796093392148L), (updated.Goal!.Objective, updated.Goal.Status, updated.Goal.MaxTurns, updated.Goal.CreatedAt));
        Assert.Null(updated.Goal.CreditsBudget);
        Assert.Equal(("1796093392148-801ae7", "user"), (cleared.GoalId, cleared.Reason));
    }

    [Fact]
    public void Session_state_and_title()
    {
        Assert.Equal("requires_action", Parse<SessionStateChangedMessage>("""{"type":"system","subtype":"session_state_changed","state":"requires_action","uuid":"u","session_id":"s"}""").State);
        var title = Parse<SessionTitleChangedMessage>("""{"type":"system","subtype":"session_title_changed","title":"Fix login","source":"ai","revision":2,"uuid":"u","session_id":"s"}""");
        Assert.Equal(("Fix login", "ai", 2), (title.Title, title.Source, title.Revision));
    }

    [Fact]
    public void Files_persisted_and_elicitation_complete()
    {
        var files = Parse<FilesPersistedMessage>("""{"type":"system","subtype":"files_persisted","files":[{"filename":"a.png","file_id":"f1"}],"failed":[{"filename":"b.png","error":"too large"}],"processed_at":"2026-12-01T03:00:00.000Z","uuid":"u","session_id":"s"}""");
        var done = Parse<ElicitationCompleteMessage>("""{"type":"system","subtype":"elicitation_complete","mcp_server_name":"github","elicitation_id":"e1","uuid":"u","session_id":"s"}""");

        Assert.Equal(("a.png", "f1", "too large"), (files.Files[0].FileName, files.Files[0].FileId, files.Failed[0].Error));
        Assert.Equal(("github", "e1"), (done.McpServerName, done.ElicitationId));
    }

    [Fact]
    public void Artifacts_update_of_both_kinds()
    {
        var m = Parse<ArtifactsUpdateMessage>("""{"type":"system","subtype":"artifacts_update","artifacts":[{"kind":"changed","path":"/w/a.cs","display_path":"a.cs","name":"a.cs","additions":3,"deletions":1,"is_new":false,"group":{"key":"src","name":"Sources"}},{"kind":"presented","path":"/w/r.md","display_path":"r.md","name":"r.md","mime":"text/markdown","size":12}],"uuid":"u","session_id":"s"}""");
        var empty = Parse<ArtifactsUpdateMessage>("""{"type":"system","subtype":"artifacts_update","artifacts":[],"uuid":"u","session_id":"s"}""");

        Assert.Equal(("changed", 3, 1, "Sources"), (m.Artifacts[0].Kind, m.Artifacts[0].Additions, m.Artifacts[0].Deletions, m.Artifacts[0].Group!.Name));
        Assert.Equal(("presented", "text/markdown", 12L), (m.Artifacts[1].Kind, m.Artifacts[1].Mime, m.Artifacts[1].Size));
        Assert.Empty(empty.Artifacts);
    }

    [Fact]
    public void Commands_changed_and_available_models_update()
    {
        var commands = Parse<CommandsChangedMessage>("""{"type":"system","subtype":"commands_changed","commands":[{"name":"model","description":"Set or manage model","argumentHint":"[model]"}],"uuid":"u","session_id":"s"}""");
        var models = Parse<AvailableModelsUpdateMessage>("""{"type":"system","subtype":"available_models_update","models":[{"value":"auto","displayName":"Auto","description":"d","isDefault":true,"availableContextWindows":[200000],"context_config":{"200K":{"token_count":200000,"is_default":true}},"brandNewField":1}],"currentModel":"auto","uuid":"u","session_id":"s"}""");

        Assert.Equal(("model", "[model]"), (commands.Commands[0].Name, commands.Commands[0].ArgumentHint));
        var model = Assert.Single(models.Models);
        Assert.Equal(("auto", true, 200000L), (model.Value, model.IsDefault, model.ContextConfig!["200K"].TokenCount));
        Assert.True(model.ExtensionData!.ContainsKey("brandNewField"));
    }

    [Fact]
    public void Memory_and_skill_evolution_results()
    {
        var generation = Parse<MemoryGenerationMessage>("""{"type":"system","subtype":"memory_generation","result":{"status":"saved","attemptId":"a1","origin":"turn_complete","writtenFiles":[{"rootId":"project","path":"/m/MEMORY.md"}],"failedFiles":[],"indexUpdated":true,"durationMs":420,"usage":{"input_tokens":10,"output_tokens":5},"credits":0.2},"uuid":"u","session_id":"s"}""");
        var consumption = Parse<MemoryConsumptionMessage>("""{"type":"system","subtype":"memory_consumption","result":{"status":"partial","files":[{"id":"notes","path":"/m/n.md","status":"missing","error":"ENOENT"}]},"uuid":"u","session_id":"s"}""");
        var evolution = Parse<SkillEvolutionMessage>("""{"type":"system","subtype":"skill_evolution","result":{"status":"suggested","attemptId":"a2","origin":"turn_complete","reviewScore":0.8,"suggestions":[{"skillName":"deploy","action":"create","summary":"Deploy steps","confidence":0.9}],"durationMs":900},"uuid":"u","session_id":"s"}""");

        Assert.Equal(("saved", "/m/MEMORY.md", 10L), (generation.Result!.Status, generation.Result.WrittenFiles[0].Path, generation.Result.Usage!.InputTokens));
        Assert.Equal(("partial", "missing"), (consumption.Result!.Status, consumption.Result.Files[0].Status));
        Assert.Equal(("deploy", "create", 0.9), (evolution.Result!.Suggestions[0].SkillName, evolution.Result.Suggestions[0].Action, evolution.Result.Suggestions[0].Confidence));
    }

    [Fact]
    public void Cli_only_subtypes_local_command_output_and_bridge_state()
    {
        Assert.Equal("done", Parse<LocalCommandOutputMessage>("""{"type":"system","subtype":"local_command_output","content":"done","uuid":"u","session_id":"s"}""").Content);
        var bridge = Parse<BridgeStateMessage>("""{"type":"system","subtype":"bridge_state","state":"connected","detail":"ok","uuid":"u","session_id":"s"}""");
        Assert.Equal(("connected", "ok"), (bridge.State, bridge.Detail));
    }

    [Fact]
    public void An_unknown_subtype_stays_a_generic_system_message()
    {
        var m = Parse<SystemMessage>("""{"type":"system","subtype":"brand_new","x":"y","uuid":"u","session_id":"s"}""");
        Assert.Equal(("brand_new", "y"), (m.Subtype, m.GetString("x")));
    }

    [Fact]
    public void Result_usage_and_model_usage_are_typed()
    {
        var m = Parse<ResultMessage>("""{"type":"result","subtype":"success","is_error":false,"duration_ms":10,"duration_api_ms":5,"num_turns":1,"result":"ok","stop_reason":"end_turn","total_cost_usd":0.01,"usage":{"input_tokens":10,"cache_creation_input_tokens":1,"cache_read_input_tokens":2,"output_tokens":3,"server_tool_use":{"web_search_requests":1,"web_fetch_requests":0},"service_tier":"standard","cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":1},"inference_geo":"","iterations":[],"speed":"standard","context_usage_ratio":0.12,"credits":1.5,"billable":true},"modelUsage":{"performance":{"inputTokens":10,"outputTokens":3,"cacheReadInputTokens":2,"cacheCreationInputTokens":1,"webSearchRequests":1,"costUSD":0.01,"credits":1.5,"contextWindow":200000,"maxOutputTokens":32000}},"permission_denials":[],"parent_tool_use_id":"toolu_9","uuid":"u","session_id":"s"}""");

        Assert.Equal((1L, 0.12, 1.5, true), (m.Usage!.ServerToolUse!["web_search_requests"], m.Usage.ContextUsageRatio, m.Usage.Credits, m.Usage.Billable));
        var performance = m.ModelUsage!["performance"];
        Assert.Equal((10L, 200000L, 1.5), (performance.InputTokens, performance.ContextWindow, performance.Credits));
        Assert.Equal("toolu_9", m.ParentToolUseId);
    }

    [Fact]
    public void Task_events_carry_their_optional_fields()
    {
        var started = Parse<TaskEventMessage>("""{"type":"system","subtype":"task_started","task_id":"t1","tool_use_id":"toolu_1","description":"Explore","subagent_type":"Explore","task_type":"local_agent","prompt":"find x","tools":["Read","Grep"],"uuid":"u","session_id":"s"}""");
        var note = Parse<TaskEventMessage>("""{"type":"system","subtype":"task_notification","task_id":"t1","status":"completed","output_file":"/o.txt","summary":"done","uuid":"u","session_id":"s"}""");

        Assert.Equal(("Explore", "local_agent", "find x"), (started.SubagentType, started.TaskType, started.Prompt));
        Assert.Equal(["Read", "Grep"], started.Tools!);
        Assert.Equal("/o.txt", note.OutputFile);
    }

    [Fact]
    public void Each_typed_system_message_writes_back_what_it_read()
    {
        const string line = """{"type":"system","subtype":"session_title_changed","title":"T","source":"custom","revision":1,"uuid":"u","session_id":"s","extra":true}""";
        var again = QoderMessageSerializer.Parse(QoderMessageSerializer.Parse(line).ToJson());

        var title = Assert.IsType<SessionTitleChangedMessage>(again);
        Assert.Equal(("T", "custom", 1), (title.Title, title.Source, title.Revision));
        Assert.True(title.ExtensionData!.ContainsKey("extra"));
    }

    private static T Parse<T>(string json)
        where T : QoderMessage => Assert.IsType<T>(QoderMessageSerializer.Parse(json));
}
