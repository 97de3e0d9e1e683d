using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Tools;

namespace Qoder.AgentSdk.Tests.Tools;

/// <summary>Typed tool inputs: read from the permission request and hooks, changed with <c>with</c>, run by the stand-in as changed.</summary>
public sealed class TypedToolInputStandInTests : StandInTestClass
{
    [Fact]
    public async Task A_permission_callback_reads_the_typed_input_and_allows_a_changed_record()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t
            .ToolUse("Write", new JsonObject { ["file_path"] = "typed.txt", ["content"] = "original", ["future_field"] = 7 })
            .Text("Done.")));
        var launch = StandIn.LastLaunch!;
        QoderWriteInput? seen = null;
        options.CanUseTool = (request, _) =>
        {
            seen = request.InputAs<QoderWriteInput>();
            return ValueTask.FromResult(QoderToolPermissionResult.Allow(seen with { Content = "CHANGED" }));
        };

        var messages = await StandInHarness.QueryAsync("write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("typed.txt", seen!.FilePath);
        Assert.Equal("original", seen.Content);
        var ran = launch.ReadRecording().ToolExecutions.Single().Input;
        Assert.Equal("CHANGED", ran.GetProperty("content").GetString());

        // A field this client does not know survives the round trip.
        Assert.Equal(7, ran.GetProperty("future_field").GetInt32());
        Assert.Equal("CHANGED", await File.ReadAllTextAsync(Path.Combine(StandIn.Work, "typed.txt")));
    }

    [Fact]
    public async Task A_typed_PreToolUse_registration_rewrites_the_input_with_a_record()
    {
        var options = StandIn.Options(QoderScenario.Create().Turn(t => t.ToolUse("Write", new JsonObject { ["file_path"] = "hooked.txt", ["content"] = "original" }).Text("Done.")));
        var launch = StandIn.LastLaunch!;
        options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow());
        options.Hooks.OnPreToolUse("Write", (input, _) =>
        {
            var write = input.ToolInputAs<QoderWriteInput>();
            return ValueTask.FromResult<QoderHookOutput?>(QoderHookOutput.UpdateToolInput(write with { Content = write.Content.ToUpperInvariant() }));
        });

        var messages = await StandInHarness.QueryAsync("write", options);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("ORIGINAL", launch.ReadRecording().ToolExecutions.Single().Input.GetProperty("content").GetString());
    }

    [Fact]
    public void Every_built_in_input_record_reads_the_field_names_of_the_official_types()
    {
        var bash = Read<QoderBashInput>("""{"command":"ls","timeout":5000,"description":"list","run_in_background":true}""");
        Assert.Equal(("ls", 5000, "list", true), (bash.Command, bash.Timeout, bash.Description, bash.RunInBackground));
        var read = Read<QoderReadInput>("""{"file_path":"/a","offset":3,"limit":10,"pages":"1-2"}""");
        Assert.Equal(("/a", 3, 10, "1-2"), (read.FilePath, read.Offset, read.Limit, read.Pages));
        var edit = Read<QoderEditInput>("""{"file_path":"/a","old_string":"x","new_string":"y","replace_all":true}""");
        Assert.Equal(("/a", "x", "y", true), (edit.FilePath, edit.OldString, edit.NewString, edit.ReplaceAll));
        var glob = Read<QoderGlobInput>("""{"pattern":"**/*.cs","path":"/src"}""");
        Assert.Equal(("**/*.cs", "/src"), (glob.Pattern, glob.Path));
        var grep = Read<QoderGrepInput>("""{"pattern":"x","output_mode":"count","-A":1,"-B":2,"-C":3,"-i":true,"-n":false,"multiline":true,"head_limit":4}""");
        Assert.Equal(("count", 1, 2, 3, true, false, true, 4), (grep.OutputMode, grep.After, grep.Before, grep.Around, grep.IgnoreCase, grep.LineNumbers, grep.Multiline, grep.HeadLimit));
        var fetch = Read<QoderWebFetchInput>("""{"url":"https://x.test","prompt":"sum"}""");
        Assert.Equal(("https://x.test", "sum"), (fetch.Url, fetch.Prompt));
        var search = Read<QoderWebSearchInput>("""{"query":"q","allowed_domains":["a.test"],"blocked_domains":["b.test"]}""");
        Assert.Equal(["a.test"], search.AllowedDomains!);
        Assert.Equal(["b.test"], search.BlockedDomains!);
        var agent = Read<QoderAgentToolInput>("""{"description":"d","prompt":"p","subagent_type":"explorer","mode":"plan","isolation":"worktree"}""");
        Assert.Equal(("explorer", "plan", "worktree"), (agent.SubagentType, agent.Mode, agent.Isolation));
        var todos = Read<QoderTodoWriteInput>("""{"todos":[{"id":"1","content":"c","status":"pending","priority":"high"}]}""");
        Assert.Equal(("1", "c", "pending", "high"), (todos.Todos[0].Id, todos.Todos[0].Content, todos.Todos[0].Status, todos.Todos[0].Priority));
        var notebook = Read<QoderNotebookEditInput>("""{"notebook_path":"/n.ipynb","cell_id":"c1","new_source":"x","edit_mode":"insert","cell_type":"code"}""");
        Assert.Equal(("c1", "insert", "code"), (notebook.CellId, notebook.EditMode, notebook.CellType));
        var update = Read<QoderTaskUpdateInput>("""{"taskId":"t","status":"completed","addBlocks":["u"],"metadata":{"k":1}}""");
        Assert.Equal(("t", "completed", "u", 1), (update.TaskId, update.Status, update.AddBlocks![0], update.Metadata!.Value.GetProperty("k").GetInt32()));
        Assert.Equal("t", Read<QoderTaskGetInput>("""{"taskId":"t"}""").TaskId);
        Assert.Equal("t", Read<QoderTaskStopInput>("""{"task_id":"t"}""").TaskId);
        Assert.Equal("s", Read<QoderTaskCreateInput>("""{"subject":"s","description":"d"}""").Subject);
    }

    [Fact]
    public void Another_tools_input_is_a_protocol_error_naming_both()
    {
        var error = Assert.Throws<QoderProtocolException>(() => Read<QoderEditInput>("""{"command":"ls"}"""));
        Assert.Contains(nameof(QoderEditInput), error.Message, StringComparison.Ordinal);
        Assert.Contains("Bash", error.Message, StringComparison.Ordinal);
    }

    private static T Read<T>(string json)
        where T : QoderToolInput
    {
        var request = JsonSerializer.SerializeToElement(new JsonObject { ["tool_name"] = "Bash", ["input"] = JsonNode.Parse(json) });
        return new QoderToolPermissionRequest(request).InputAs<T>();
    }
}
