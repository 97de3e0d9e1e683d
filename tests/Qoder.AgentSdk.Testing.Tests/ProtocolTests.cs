using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Tests;

public sealed class ProtocolTests
{
    private static readonly string[] PromptStdio = ["--permission-prompt-tool", "stdio"];

    [Fact]
    public async Task Initialize_prints_init_then_artifacts_then_the_response_and_rejects_a_second_initialize()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().WithModel("qwen-test"));
        await cli.InitializeAsync("init-1");
        var init = await cli.WaitForTypeAsync("system", "init");
        Assert.Equal("1.4.0", (string?)init["protocol_version"]);
        Assert.Equal("qwen-test", (string?)init["model"]);
        Assert.Equal("default", (string?)init["permissionMode"]);
        Assert.Equal(cli.WorkDirectory, (string?)init["cwd"]);
        Assert.NotNull(init["session_id"]);
        var next = await cli.WaitForAsync(_ => true);
        Assert.True(StandInProcess.Is(next, "system", "artifacts_update"));
        var response = await cli.WaitForAsync(_ => true);
        Assert.Equal("init-1", (string?)response["response"]?["request_id"]);
        var body = response["response"]!["response"]!.AsObject();
        foreach (var field in new[] { "commands", "agents", "skills", "output_style", "available_output_styles", "models", "account", "capabilities", "pid" })
        {
            Assert.True(body.ContainsKey(field), field);
        }

        Assert.Equal(cli.Pid, (int)body["pid"]!);
        await cli.InitializeAsync("init-2");
        var second = await cli.WaitForResponseAsync("init-2");
        Assert.Equal("error", (string?)second["response"]?["subtype"]);
        Assert.Equal("Already initialized", (string?)second["response"]?["error"]);
        cli.CloseStdin();
        Assert.Equal(0, await cli.WaitForExitAsync());
    }

    [Fact]
    public async Task Text_turn_emits_lifecycle_init_assistant_and_result_and_is_recorded()
    {
        var scenario = QoderScenario.Create().Turn(t => t.Text("Hello there.").Result(r => { r.InputTokens = 12; r.OutputTokens = 3; }));
        await using var cli = StandInProcess.Start(scenario, ["--model", "m1"], new Dictionary<string, string?> { ["QODER_PERSONAL_ACCESS_TOKEN"] = "pt-SECRET-VALUE" });
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("hi", "11111111-1111-4111-8111-111111111111");
        var result = await cli.WaitForTypeAsync("result");
        var completed = await cli.WaitForTypeAsync("command_lifecycle");
        Assert.Equal("completed", (string?)completed["state"]);

        var kinds = cli.Seen.Select(m => (string?)m["type"] + "/" + ((string?)m["subtype"] ?? (string?)m["state"])).ToList();
        var turn = kinds.SkipWhile(k => k != "command_lifecycle/queued").ToList();
        Assert.Equal(["command_lifecycle/queued", "system/init", "command_lifecycle/started", "assistant/", "result/success", "command_lifecycle/completed"], turn);
        var assistant = cli.Seen.Single(m => StandInProcess.Is(m, "assistant"));
        Assert.Equal("Hello there.", (string?)assistant["message"]?["content"]?[0]?["text"]);
        Assert.Equal("m1", (string?)assistant["message"]?["model"]);
        Assert.Equal("Hello there.", (string?)result["result"]);
        Assert.Equal(12, (int)result["usage"]!["input_tokens"]!);
        Assert.Equal(1, (int)result["num_turns"]!);
        Assert.False((bool)result["is_error"]!);

        cli.CloseStdin();
        Assert.Equal(0, await cli.WaitForExitAsync());
        var recording = cli.Recording;
        Assert.Contains("--model", recording.Arguments);
        Assert.Contains("QODER_PERSONAL_ACCESS_TOKEN", recording.EnvironmentVariableNames);
        Assert.DoesNotContain("pt-SECRET-VALUE", await File.ReadAllTextAsync(cli.Launch.RecordPath), StringComparison.Ordinal);
        Assert.Equal(2, recording.StdinFrames.Count);
        Assert.Equal("stdin_eof", recording.ExitReason);
    }

    [Fact]
    public async Task Tool_turn_allow_with_updated_input_writes_the_updated_file()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .Text("Writing.")
            .ToolUse("Write", new JsonObject { ["file_path"] = "out/a.txt", ["content"] = "original" })
            .Text("Done."));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("write it", "u-1");
        var request = await cli.WaitForControlRequestAsync("can_use_tool");
        Assert.Equal("Write", (string?)request["request"]?["tool_name"]);
        var toolUseId = (string)request["request"]!["tool_use_id"]!;
        var toolUse = cli.Seen.Single(m => StandInProcess.Is(m, "assistant") && (string?)m["message"]?["content"]?[0]?["type"] == "tool_use");
        var text = cli.Seen.First(m => StandInProcess.Is(m, "assistant"));
        Assert.Equal((string?)text["message"]?["id"], (string?)toolUse["message"]?["id"]);
        Assert.Equal(toolUseId, (string?)toolUse["message"]?["content"]?[0]?["id"]);

        await cli.RespondAsync((string)request["request_id"]!, new JsonObject
        {
            ["behavior"] = "allow",
            ["updatedInput"] = new JsonObject { ["file_path"] = "out/a.txt", ["content"] = "UPDATED" },
            ["toolUseID"] = toolUseId,
        });
        var toolResult = await cli.WaitForAsync(m => StandInProcess.Is(m, "user"));
        Assert.Equal(toolUseId, (string?)toolResult["message"]?["content"]?[0]?["tool_use_id"]);
        Assert.Null(toolResult["message"]?["content"]?[0]?["is_error"]);
        var result = await cli.WaitForTypeAsync("result");
        Assert.Equal(2, (int)result["num_turns"]!);
        Assert.Equal("UPDATED", await File.ReadAllTextAsync(Path.Combine(cli.WorkDirectory, "out", "a.txt")));
        var execution = Assert.Single(cli.Recording.ToolExecutions);
        Assert.Equal("UPDATED", execution.Input.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Tool_turn_deny_gives_an_error_result_a_permission_denied_message_and_a_denial()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "rm -rf /" }).Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("clean", "u-1");
        var request = await cli.WaitForControlRequestAsync("can_use_tool");
        await cli.RespondAsync((string)request["request_id"]!, new JsonObject { ["behavior"] = "deny", ["message"] = "no way" });
        var toolResult = await cli.WaitForAsync(m => StandInProcess.Is(m, "user"));
        Assert.True((bool)toolResult["message"]!["content"]![0]!["is_error"]!);
        Assert.EndsWith("the user said:\nno way", (string?)toolResult["message"]!["content"]![0]!["content"], StringComparison.Ordinal);
        await cli.WaitForTypeAsync("system", "permission_denied");
        var result = await cli.WaitForTypeAsync("result");
        var denial = Assert.Single(result["permission_denials"]!.AsArray());
        Assert.Equal("Bash", (string?)denial!["tool_name"]);
        Assert.Empty(cli.Recording.ToolExecutions);
    }

    [Fact]
    public async Task Tool_turn_error_response_fails_the_tool_and_the_turn_continues()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "ls" }).Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("list", "u-1");
        var request = await cli.WaitForControlRequestAsync("can_use_tool");
        await cli.RespondErrorAsync((string)request["request_id"]!, "host failed");
        var toolResult = await cli.WaitForAsync(m => StandInProcess.Is(m, "user"));
        Assert.StartsWith("Error: ", (string?)toolResult["message"]!["content"]![0]!["content"], StringComparison.Ordinal);
        var result = await cli.WaitForTypeAsync("result");
        Assert.Equal("success", (string?)result["subtype"]);
        Assert.Empty(result["permission_denials"]!.AsArray());
    }

    [Fact]
    public async Task Bypass_mode_runs_tools_without_asking()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "ls" }, result: "a.txt").Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, [.. PromptStdio, "--permission-mode", "bypassPermissions"]);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("list", "u-1");
        await cli.WaitForTypeAsync("result");
        Assert.DoesNotContain(cli.Seen, m => StandInProcess.Is(m, "control_request"));
        Assert.Equal("a.txt", (string?)cli.Seen.Single(m => StandInProcess.Is(m, "user"))["message"]!["content"]![0]!["content"]);
    }

    [Fact]
    public async Task Interrupt_while_waiting_for_can_use_tool_withdraws_it_and_aborts_the_turn()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Bash", new JsonObject { ["command"] = "sleep 1" }).Text("never"));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("go", "u-1");
        var request = await cli.WaitForControlRequestAsync("can_use_tool");
        await cli.ControlAsync("int-1", new JsonObject { ["subtype"] = "interrupt" });
        var response = await cli.WaitForResponseAsync("int-1");
        Assert.Empty(response["response"]!["response"]!["still_queued"]!.AsArray());
        var result = await cli.WaitForTypeAsync("result");
        Assert.Contains(cli.Seen, m => StandInProcess.Is(m, "control_cancel_request") && (string?)m["request_id"] == (string?)request["request_id"]);
        Assert.Equal("error_during_execution", (string?)result["subtype"]);

        // What the real CLI 1.1.52 reports when an interrupt withdraws a pending permission prompt (both offline routes).
        Assert.Equal("aborted_streaming", (string?)result["terminal_reason"]);
        Assert.Equal("Operation aborted", (string?)result["errors"]![0]);
        Assert.DoesNotContain(cli.Seen, m => (string?)m["message"]?["content"]?[0]?["text"] == "never");
    }

    [Fact]
    public async Task Interrupt_mid_turn_reports_queued_messages_which_then_run_as_their_own_turn()
    {
        var scenario = QoderScenario.Create().Turn(t => t.Text("working").WaitForInterrupt()).Reply("second");
        await using var cli = StandInProcess.Start(scenario);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("one", "u-1");
        await cli.WaitForTypeAsync("assistant");
        await cli.SendUserAsync("two", "u-2", priority: "later");
        await cli.WaitForAsync(m => (string?)m["command_uuid"] == "u-2");
        await cli.ControlAsync("int-1", new JsonObject { ["subtype"] = "interrupt" });
        var response = await cli.WaitForResponseAsync("int-1");
        Assert.Equal("u-2", (string?)response["response"]!["response"]!["still_queued"]![0]);
        var first = await cli.WaitForTypeAsync("result");
        Assert.Equal("aborted_tools", (string?)first["terminal_reason"]);
        var second = await cli.WaitForTypeAsync("result");
        Assert.Equal("second", (string?)second["result"]);
    }

    [Fact]
    public async Task Trigger_matchers_follow_the_cli_list_word_and_regex_rules_and_tool_matchers_are_unanchored()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "x.txt", ["content"] = "x" }).Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, ["--permission-mode", "bypassPermissions"]);
        await cli.InitializeAsync(extra: new JsonObject
        {
            ["hooks"] = new JsonObject
            {
                ["SessionStart"] = new JsonArray(
                    new JsonObject { ["matcher"] = "startup|resume", ["hookCallbackIds"] = new JsonArray("list") },
                    new JsonObject { ["matcher"] = "start", ["hookCallbackIds"] = new JsonArray("word") },
                    new JsonObject { ["matcher"] = "^start.*", ["hookCallbackIds"] = new JsonArray("regex") },
                    new JsonObject { ["matcher"] = "clear|compact", ["hookCallbackIds"] = new JsonArray("other_list") }),
                ["PreToolUse"] = new JsonArray(
                    new JsonObject { ["matcher"] = "Wri", ["hookCallbackIds"] = new JsonArray("tool_part") },
                    new JsonObject { ["matcher"] = "Bash|Edit", ["hookCallbackIds"] = new JsonArray("tool_other") }),
            },
        });
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("write", "u-1");
        var requests = await cli.AnswerUntilResultAsync(_ => new JsonObject { ["continue"] = true });

        Assert.Equal(["list", "regex", "tool_part"], requests.Select(r => (string?)r["request"]!["callback_id"]));
    }

    [Fact]
    public async Task Hooks_are_called_and_a_PreToolUse_deny_blocks_the_tool()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "x.txt", ["content"] = "x" }).Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync(extra: new JsonObject
        {
            ["hooks"] = new JsonObject
            {
                ["SessionStart"] = new JsonArray(new JsonObject { ["hookCallbackIds"] = new JsonArray("h_start") }),
                ["UserPromptSubmit"] = new JsonArray(new JsonObject { ["hookCallbackIds"] = new JsonArray("h_prompt") }),
                ["PreToolUse"] = new JsonArray(
                    new JsonObject { ["matcher"] = "Bash", ["hookCallbackIds"] = new JsonArray("h_bash") },
                    new JsonObject { ["matcher"] = "Wri", ["hookCallbackIds"] = new JsonArray("h_pre") }),
                ["Stop"] = new JsonArray(new JsonObject { ["hookCallbackIds"] = new JsonArray("h_stop") }),
            },
        });
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("write", "u-1");
        var requests = await cli.AnswerUntilResultAsync(request => (string?)request["callback_id"] == "h_pre"
            ? new JsonObject { ["hookSpecificOutput"] = new JsonObject { ["hookEventName"] = "PreToolUse", ["permissionDecision"] = "deny", ["permissionDecisionReason"] = "not today" } }
            : new JsonObject { ["continue"] = true });

        Assert.All(requests, r => Assert.Equal("hook_callback", (string?)r["request"]!["subtype"]));
        Assert.Equal(["h_start", "h_prompt", "h_pre", "h_stop"], requests.Select(r => (string?)r["request"]!["callback_id"]));
        Assert.Equal("write", (string?)requests[1]["request"]!["input"]!["prompt"]);
        var toolResult = cli.Seen.Single(m => StandInProcess.Is(m, "user"));
        Assert.Equal("Error: Tool execution blocked: not today", (string?)toolResult["message"]!["content"]![0]!["content"]);
        Assert.False(File.Exists(Path.Combine(cli.WorkDirectory, "x.txt")));
    }

    [Fact]
    public async Task Sdk_mcp_server_is_connected_during_initialize_and_its_tool_is_called()
    {
        var scenario = QoderScenario.Create().Turn(t => t.ToolUse("mcp__demo__echo", new JsonObject { ["text"] = "ping" }).Text("Ok."));
        await using var cli = StandInProcess.Start(scenario, ["--permission-mode", "bypassPermissions"]);
        await cli.InitializeAsync(extra: new JsonObject { ["sdkMcpServers"] = new JsonArray("demo") });
        var methods = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var request = await cli.WaitForControlRequestAsync("mcp_message");
            var message = request["request"]!["message"]!;
            methods.Add((string?)message["method"]);
            var id = message["id"]?.DeepClone();
            JsonObject reply = (string?)message["method"] switch
            {
                "initialize" => new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = new JsonObject { ["protocolVersion"] = "2025-11-25", ["capabilities"] = new JsonObject(), ["serverInfo"] = new JsonObject { ["name"] = "demo", ["version"] = "1" } } },
                "tools/list" => new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = new JsonObject { ["tools"] = new JsonArray(new JsonObject { ["name"] = "echo", ["inputSchema"] = new JsonObject { ["type"] = "object" } }) } },
                _ => new JsonObject { ["jsonrpc"] = "2.0" },
            };
            await cli.RespondAsync((string)request["request_id"]!, new JsonObject { ["mcp_response"] = reply });
        }

        Assert.Equal(["initialize", "notifications/initialized", "tools/list"], methods);
        var init = await cli.WaitForTypeAsync("system", "init");
        Assert.Contains("mcp__demo__echo", init["tools"]!.AsArray().Select(t => (string?)t));
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("echo", "u-1");
        var call = await cli.WaitForControlRequestAsync("mcp_message");
        var callMessage = call["request"]!["message"]!;
        Assert.Equal("tools/call", (string?)callMessage["method"]);
        Assert.Equal("ping", (string?)callMessage["params"]!["arguments"]!["text"]);
        await cli.RespondAsync((string)call["request_id"]!, new JsonObject
        {
            ["mcp_response"] = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = callMessage["id"]!.DeepClone(),
                ["result"] = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "ECHO:ping" }) },
            },
        });
        var toolResult = await cli.WaitForAsync(m => StandInProcess.Is(m, "user"));
        Assert.Equal("ECHO:ping", (string?)toolResult["message"]!["content"]![0]!["content"]![0]!["text"]);
        await cli.WaitForTypeAsync("result");
    }

    [Fact]
    public async Task Partial_messages_stream_text_deltas_before_the_assistant_message()
    {
        var scenario = QoderScenario.Create().Turn(t => t.Text("Hello world", "Hello ", "world"));
        await using var cli = StandInProcess.Start(scenario, ["--include-partial-messages"]);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("hi", "u-1");
        await cli.WaitForTypeAsync("result");
        var deltas = cli.Seen.Where(m => StandInProcess.Is(m, "stream_event")).Select(m => (string?)m["event"]!["delta"]!["text"]).ToList();
        Assert.Equal(["Hello ", "world"], deltas);
        var order = cli.Seen.FindIndex(m => StandInProcess.Is(m, "assistant"));
        Assert.True(order > cli.Seen.FindLastIndex(m => StandInProcess.Is(m, "stream_event")));
    }

    [Fact]
    public async Task Partial_messages_can_be_enabled_by_initialize()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Reply("x"));
        await cli.InitializeAsync(extra: new JsonObject { ["includePartialMessages"] = true });
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("hi", "u-1");
        await cli.WaitForTypeAsync("result");
        Assert.Contains(cli.Seen, m => StandInProcess.Is(m, "stream_event"));
    }

    [Fact]
    public async Task A_message_sent_mid_turn_joins_the_running_turn()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .ToolUse("Bash", new JsonObject { ["command"] = "ls" })
            .Text("Both handled."));
        await using var cli = StandInProcess.Start(scenario, PromptStdio);
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("first", "u-1");
        var request = await cli.WaitForControlRequestAsync("can_use_tool");
        await cli.SendUserAsync("second", "u-2");
        await cli.WaitForAsync(m => (string?)m["command_uuid"] == "u-2" && (string?)m["state"] == "queued");
        await cli.RespondAsync((string)request["request_id"]!, new JsonObject { ["behavior"] = "allow" });
        var echo = await cli.WaitForAsync(m => StandInProcess.Is(m, "user") && m["isReplay"] is not null);
        Assert.Equal("u-2", (string?)echo["uuid"]);
        var result = await cli.WaitForTypeAsync("result");
        Assert.Equal("Both handled.", (string?)result["result"]);
        var done = new[] { await cli.WaitForTypeAsync("command_lifecycle"), await cli.WaitForTypeAsync("command_lifecycle") };
        Assert.Equal(["u-1", "u-2"], done.Select(m => (string?)m["command_uuid"]).Order());
        Assert.All(done, m => Assert.Equal("completed", (string?)m["state"]));
        Assert.Single(cli.Seen, m => StandInProcess.Is(m, "result"));
    }

    [Fact]
    public async Task Multi_turn_gives_two_results_and_set_model_and_permission_mode_apply()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().Reply("one").Reply("two"));
        await cli.InitializeAsync();
        await cli.WaitForResponseAsync("init-1");
        await cli.SendUserAsync("a", "u-1");
        Assert.Equal("one", (string?)(await cli.WaitForTypeAsync("result"))["result"]);
        await cli.ControlAsync("m-1", new JsonObject { ["subtype"] = "set_model", ["model"] = "other-model" });
        var modelResponse = await cli.WaitForResponseAsync("m-1");
        Assert.Equal("success", (string?)modelResponse["response"]!["subtype"]);
        Assert.False(modelResponse["response"]!.AsObject().ContainsKey("response"));
        await cli.ControlAsync("p-1", new JsonObject { ["subtype"] = "set_permission_mode", ["mode"] = "acceptEdits" });
        var status = await cli.WaitForTypeAsync("system", "status");
        Assert.Equal("acceptEdits", (string?)status["permissionMode"]);
        await cli.WaitForResponseAsync("p-1");
        await cli.ControlAsync("p-2", new JsonObject { ["subtype"] = "set_permission_mode", ["mode"] = "yolo" });
        Assert.Equal("unknown permission_mode: yolo", (string?)(await cli.WaitForResponseAsync("p-2"))["response"]!["error"]);
        await cli.SendUserAsync("b", "u-2");
        var init = await cli.WaitForTypeAsync("system", "init");
        Assert.Equal("other-model", (string?)init["model"]);
        Assert.Equal("acceptEdits", (string?)init["permissionMode"]);
        Assert.Equal("two", (string?)(await cli.WaitForTypeAsync("result"))["result"]);
        await cli.ControlAsync("s-1", new JsonObject { ["subtype"] = "mcp_status" });
        Assert.NotNull((await cli.WaitForResponseAsync("s-1"))["response"]!["response"]!["servers"]);
        await cli.ControlAsync("x-1", new JsonObject { ["subtype"] = "no_such_subtype" });
        Assert.Equal("Unsupported control request type: \"no_such_subtype\"", (string?)(await cli.WaitForResponseAsync("x-1"))["response"]!["error"]);
    }

    [Theory]
    [InlineData(new[] { "--resume", "5b3c1f2e-0000-4000-8000-000000000001" }, "5b3c1f2e-0000-4000-8000-000000000001", true)]
    [InlineData(new[] { "--session-id", "5b3c1f2e-0000-4000-8000-000000000002" }, "5b3c1f2e-0000-4000-8000-000000000002", true)]
    [InlineData(new[] { "--resume", "5b3c1f2e-0000-4000-8000-000000000003", "--fork-session" }, "5b3c1f2e-0000-4000-8000-000000000003", false)]
    public async Task Session_id_follows_resume_session_id_and_fork(string[] args, string id, bool same)
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create().AcceptingUnknownResume(), args);
        await cli.InitializeAsync();
        var init = await cli.WaitForTypeAsync("system", "init");
        Assert.Equal(same, id == (string?)init["session_id"]);
    }

    [Fact]
    public async Task Unknown_flag_is_rejected_like_the_cli()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create(), ["--no-such-flag"]);
        Assert.Equal(1, await cli.WaitForExitAsync());
        Assert.Equal("error: unknown option '--no-such-flag'\n", cli.Stderr);
    }

    [Fact]
    public async Task Invalid_json_on_stdin_is_fatal_and_ignorable_lines_are_ignored()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create());
        await cli.SendAsync("");
        await cli.SendAsync("[1,2,3]");
        await cli.SendAsync("{\"type\":\"bogus_message_type\"}");
        await cli.SendAsync("{this is not json");
        var result = await cli.WaitForTypeAsync("result");
        Assert.Equal("API Error: invalid_stream_json: stream-json input line 4 (17 chars)", (string?)result["errors"]![0]);
        Assert.Equal(1, await cli.WaitForExitAsync());
    }

    [Fact]
    public async Task Scenario_round_trips_through_json()
    {
        var scenario = QoderScenario.Create().WithModel("m").Turn(t => t.Text("a").ToolUse("Write", new { file_path = "f", content = "c" }).Crash(3, "boom"));
        var copy = QoderScenario.FromJson(scenario.ToJson());
        Assert.Equal(scenario.ToJson(), copy.ToJson());
        Assert.Equal("c", (string?)copy.Turns[0].Steps[1].Input!["content"]);
        await Task.CompletedTask;
    }
}
