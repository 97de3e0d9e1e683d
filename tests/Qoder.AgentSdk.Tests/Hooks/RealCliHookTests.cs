using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Tests.RealCli;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.Tests.Hooks;

/// <summary>Hooks against the real qodercli 1.1.52, offline (route A: headless, scripted model).</summary>
[Collection(RealCliGroup.Name)]
[Trait("Category", "RealCli")]
public sealed class RealCliHookTests(RealCliFixture cli) : IDisposable
{
    private readonly RealCliFolders _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_PreToolUse_hook_changes_the_Write_input_and_the_file_shows_it()
    {
        var target = Path.Combine(_run.Work, "a.txt");
        var script = new FakeResponsesScript()
            .AddToolCall("Write", new JsonObject { ["file_path"] = target, ["content"] = "HELLO" }, leadingText: "Writing.")
            .AddText("All done.");
        var options = cli.RouteA(_run, script);
        options.CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow());
        var events = new ConcurrentQueue<QoderHookInput>();
        options.Hooks.Add(QoderHookEvent.PreToolUse, matcher: "Write|Bash", timeoutSeconds: 30, (input, _) =>
        {
            events.Enqueue(input);
            var changed = JsonNode.Parse(((QoderPreToolUseHookInput)input).ToolInput.GetRawText())!.AsObject();
            changed["content"] = "HELLO-FROM-HOOK";
            return ValueTask.FromResult<QoderHookOutput?>(QoderHookOutput.UpdateToolInput(JsonSerializer.SerializeToElement(changed)));
        });
        options.Hooks.Add(QoderHookEvent.PostToolUse, (input, _) =>
        {
            events.Enqueue(input);
            return ValueTask.FromResult<QoderHookOutput?>(null);
        });
        options.Hooks.Add(QoderHookEvent.UserPromptSubmit, (input, _) =>
        {
            events.Enqueue(input);
            return ValueTask.FromResult<QoderHookOutput?>(null);
        });

        var messages = await QoderQuery.RunAsync("write a.txt", options).ToListAsync().AsTask().WaitAsync(RealCliFixture.HangGuard);

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal("HELLO-FROM-HOOK", await File.ReadAllTextAsync(target));
        var prompt = Assert.IsType<QoderUserPromptSubmitHookInput>(events.First(e => e.Event == QoderHookEvent.UserPromptSubmit));
        Assert.Equal("write a.txt", prompt.Prompt);
        var pre = Assert.IsType<QoderPreToolUseHookInput>(events.Single(e => e.Event == QoderHookEvent.PreToolUse));
        Assert.Equal("Write", pre.ToolName);
        Assert.Equal("HELLO", pre.ToolInput.GetProperty("content").GetString());
        Assert.StartsWith("toolu_", pre.ToolUseId, StringComparison.Ordinal);
        var post = Assert.IsType<QoderPostToolUseHookInput>(events.Single(e => e.Event == QoderHookEvent.PostToolUse));
        Assert.Equal("HELLO-FROM-HOOK", post.ToolInput.GetProperty("content").GetString());
        Assert.Equal(pre.ToolUseId, post.ToolUseId);
    }
}
