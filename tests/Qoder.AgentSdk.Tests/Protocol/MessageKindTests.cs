using System.Text.Json;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.Protocol;

/// <summary>Each message kind of docs/protocol.md, Messages, maps to its record; unknown types and fields are kept.</summary>
public sealed class MessageKindTests
{
    [Fact]
    public void Assistant_blocks_are_typed()
    {
        var text = Parse<AssistantMessage>("""{"type":"assistant","message":{"id":"msg_1","type":"message","role":"assistant","model":"","content":[{"type":"text","text":"hi","citations":null}],"stop_reason":null,"usage":{"input_tokens":3,"output_tokens":4}},"parent_tool_use_id":null,"uuid":"u","session_id":"s"}""");
        var tool = Parse<AssistantMessage>("""{"type":"assistant","message":{"content":[{"type":"tool_use","id":"toolu_1","name":"Write","input":{"file_path":"/a"}}]},"parent_tool_use_id":null,"uuid":"u","session_id":"s"}""");
        var thinking = Parse<AssistantMessage>("""{"type":"assistant","message":{"content":[{"type":"thinking","thinking":"hmm","signature":"sig"},{"type":"redacted_thinking","data":"x"},{"type":"server_widget","w":1}]},"uuid":"u","session_id":"s"}""");

        Assert.Equal("hi", Assert.IsType<TextBlock>(Assert.Single(text.Message.Content)).Text);
        Assert.Equal(4, text.Message.Usage!.OutputTokens);
        var use = Assert.IsType<ToolUseBlock>(Assert.Single(tool.Message.Content));
        Assert.Equal("/a", use.Input.GetProperty("file_path").GetString());
        Assert.Equal("hmm", Assert.IsType<ThinkingBlock>(thinking.Message.Content[0]).Thinking);
        Assert.IsType<RedactedThinkingBlock>(thinking.Message.Content[1]);
        var unknown = Assert.IsType<UnknownContentBlock>(thinking.Message.Content[2]);
        Assert.Equal("server_widget", unknown.Type);
        Assert.Contains("\"w\":1", thinking.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_tool_results_accept_string_and_array_content()
    {
        var message = Parse<UserMessage>("""{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}],"is_error":true}]},"parent_tool_use_id":null,"tool_use_result":{"isHardFailure":false},"uuid":"u","session_id":"s"}""");
        var plain = Parse<UserMessage>("""{"type":"user","message":{"role":"user","content":"just text"},"uuid":"u","session_id":"s"}""");

        var result = Assert.IsType<ToolResultBlock>(Assert.Single(message.Message.Blocks));
        Assert.True(result.IsError);
        Assert.Equal("a\nb", result.ContentText);
        Assert.Equal("just text", Assert.IsType<TextBlock>(Assert.Single(plain.Message.Blocks)).Text);
    }

    [Fact]
    public void Stream_events_expose_their_deltas()
    {
        var delta = Parse<StreamEventMessage>("""{"type":"stream_event","event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}},"parent_tool_use_id":null,"uuid":"u","session_id":"s"}""");

        Assert.Equal("content_block_delta", delta.EventType);
        Assert.Equal("text_delta", delta.DeltaType);
        Assert.Equal("Hel", delta.DeltaText);
    }

    [Fact]
    public void Other_kinds_map_to_their_records()
    {
        Assert.Equal("queued", Parse<CommandLifecycleMessage>("""{"type":"command_lifecycle","command_uuid":"c","state":"queued","uuid":"u","session_id":"s"}""").State);
        Assert.Equal("try this", Parse<PromptSuggestionMessage>("""{"type":"prompt_suggestion","suggestion":"try this","uuid":"u","session_id":"s"}""").Suggestion);
        Assert.Equal("acceptEdits", Parse<SystemStatusMessage>("""{"type":"system","subtype":"status","status":null,"permissionMode":"acceptEdits","uuid":"u","session_id":"s"}""").PermissionMode);
        Assert.Equal("rule", Parse<PermissionDeniedMessage>("""{"type":"system","subtype":"permission_denied","tool_name":"Bash","tool_use_id":"t","message":"no","tool_denial_kind":"rule","uuid":"u","session_id":"s"}""").ToolDenialKind);
        Assert.Equal(152, Parse<HookEventMessage>("""{"type":"system","subtype":"hook_response","hook_id":"h","hook_name":"n","hook_event":"SessionStart","output":"","stdout":"","stderr":"","exit_code":0,"duration_ms":152,"outcome":"success","uuid":"u","session_id":"s"}""").DurationMs);
        Assert.Equal("t1", Parse<TaskEventMessage>("""{"type":"system","subtype":"task_notification","task_id":"t1","status":"completed","output_file":"/o","summary":"done","uuid":"u","session_id":"s"}""").TaskId);
        Assert.Equal(2, Parse<ApiRetryMessage>("""{"type":"system","subtype":"api_retry","attempt":2,"max_retries":5,"retry_delay_ms":1000,"error_status":529,"error":"rate_limit","uuid":"u","session_id":"s"}""").Attempt);
        Assert.True(Parse<PlanModeChangedMessage>("""{"type":"system","subtype":"plan_mode_changed","plan_mode":{"active":true},"uuid":"u","session_id":"s"}""").IsActive);
        Assert.Equal("m", Parse<AvailableModelsUpdateMessage>("""{"type":"system","subtype":"available_models_update","models":[],"currentModel":"m","uuid":"u","session_id":"s"}""").CurrentModel);
        Assert.NotNull(Parse<CompactBoundaryMessage>("""{"type":"system","subtype":"compact_boundary","compact_metadata":{"trigger":"auto","pre_tokens":10},"uuid":"u","session_id":"s"}""").CompactMetadata);
        var other = Parse<SystemMessage>("""{"type":"system","subtype":"brand_new_subtype","artifacts":[],"uuid":"u","session_id":"s"}""");
        Assert.Equal("brand_new_subtype", other.Subtype);
        Assert.True(other.ExtensionData!.ContainsKey("artifacts"));
        var result = Parse<ResultMessage>("""{"type":"result","subtype":"error_max_turns","is_error":true,"num_turns":1,"duration_ms":5,"duration_api_ms":1,"total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":2},"permission_denials":[{"tool_name":"Bash","tool_use_id":"t","tool_input":{},"tool_denial_kind":"rule"}],"errors":["Reached maximum number of turns (1)"],"error_code":47902,"terminal_reason":"max_turns","uuid":"u","session_id":"s"}""");
        Assert.Equal("max_turns", result.TerminalReason);
        Assert.Equal(47902, result.ErrorCode!.Value.GetInt32());
        Assert.True(Assert.Single(result.PermissionDenials).ExtensionData!.ContainsKey("tool_denial_kind"));
    }

    [Fact]
    public void Unknown_types_and_fields_are_kept_verbatim()
    {
        const string Line = """{"type":"cloud_agent_event","payload":{"a":[1,2]},"uuid":"u","session_id":"s"}""";
        var unknown = Parse<UnknownMessage>(Line);
        var init = Parse<SystemInitMessage>("""{"type":"system","subtype":"init","tools":[],"brand_new_field":{"x":true},"uuid":"u","session_id":"s"}""");

        Assert.Equal("cloud_agent_event", unknown.Type);
        Assert.Equal(Line, unknown.ToJson());
        Assert.True(init.ExtensionData!["brand_new_field"].GetProperty("x").GetBoolean());
        Assert.Contains("\"brand_new_field\":{\"x\":true}", init.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_rejected()
    {
        Assert.Throws<JsonException>(() => QoderMessageSerializer.Parse("[1,2,3]"));
    }

    private static T Parse<T>(string json)
        where T : QoderMessage => Assert.IsType<T>(QoderMessageSerializer.Parse(json));
}
