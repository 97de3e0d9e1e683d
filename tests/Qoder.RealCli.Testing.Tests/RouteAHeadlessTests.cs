using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>Route A: plain headless mode with <c>--fake-responses</c>; no server and no login.</summary>
[Trait("Category", "RealCli")]
public sealed class RouteAHeadlessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Headless_mode_runs_a_write_turn_from_the_fake_responses_file()
    {
        using var folders = new CliFolders();
        var target = Path.Combine(folders.Work, "hello.txt");
        var scriptPath = Path.Combine(folders.Home, "fake-responses.jsonl");
        new FakeResponsesScript()
            .AddToolCall("Write", new JsonObject { ["file_path"] = target, ["content"] = "hi there" }, "Writing a file.", new MockTokenUsage(10, 5))
            .AddText("All done.")
            .WriteTo(scriptPath);

        await using var cli = CliProcess.Start(HeadlessArguments(scriptPath), folders.Work, new Dictionary<string, string> { ["HOME"] = folders.Home });
        try
        {
            await cli.SendAsync(Wire.Initialize("init1", catalogReady: false));
            var init = await cli.WaitForLineAsync(m => Frames.Is(m, "system", "init"), "system/init");
            output.WriteLine($"route A (headless): spawn -> system/init {init.Elapsed.TotalMilliseconds:F0} ms");
            var initialized = await cli.WaitForLineAsync(m => Frames.IsControlResponseFor(m, "init1"), "initialize response");
            Assert.Equal("success", (string?)initialized.Message!["response"]!["subtype"]);

            await cli.SendAsync(Frames.UserText("Write hello.txt please."));
            var text = await cli.WaitForLineAsync(m => Frames.Is(m, "assistant") && HasText(m, "Writing a file."), "assistant text");
            var permission = await cli.WaitForLineAsync(m => Frames.IsControlRequest(m, "can_use_tool"), "can_use_tool");
            Assert.Equal("Write", (string?)permission.Message!["request"]!["tool_name"]);
            await cli.SendAsync(Frames.Allow(permission.Message));

            var done = await cli.WaitForLineAsync(m => Frames.Is(m, "assistant") && HasText(m, "All done."), "final assistant text");
            var result = await cli.WaitForLineAsync(m => Frames.Is(m, "result"), "result");
            output.WriteLine($"route A (headless): spawn -> result {result.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal("success", (string?)result.Message!["subtype"]);
            Assert.False((bool?)result.Message["is_error"]);
            Assert.Equal(2, (int?)result.Message["num_turns"]);
            Assert.True(text.Elapsed <= done.Elapsed);
            Assert.Equal("hi there", await File.ReadAllTextAsync(target));
        }
        finally
        {
            output.WriteLine(cli.Diagnostics());
        }
    }

    [Fact]
    public async Task Chunked_lines_stream_as_text_deltas_when_the_stream_delay_is_set()
    {
        using var folders = new CliFolders();
        var scriptPath = Path.Combine(folders.Home, "fake-responses.jsonl");
        new FakeResponsesScript().AddTextChunks(["Hel", "lo ", "world."]).WriteTo(scriptPath);
        var arguments = HeadlessArguments(scriptPath).Append("--include-partial-messages");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = folders.Home,
            [FakeResponsesScript.StreamDelayVariable] = "0",
        };

        await using var cli = CliProcess.Start(arguments, folders.Work, environment);
        try
        {
            await cli.SendAsync(Wire.Initialize("init1", catalogReady: false));
            await cli.WaitForLineAsync(m => Frames.IsControlResponseFor(m, "init1"), "initialize response");
            await cli.SendAsync(Frames.UserText("Say hello."));
            var result = await cli.WaitForLineAsync(m => Frames.Is(m, "result"), "result");
            Assert.Equal("success", (string?)result.Message!["subtype"]);

            var deltas = cli.Received
                .Select(line => line.Message)
                .Where(m => m is not null && Frames.Is(m, "stream_event") && (string?)m["event"]?["delta"]?["type"] == "text_delta")
                .Select(m => (string?)m!["event"]!["delta"]!["text"])
                .ToList();
            Assert.Equal(["Hel", "lo ", "world."], deltas);
            Assert.Contains(cli.Received, line => line.Message is { } m && Frames.Is(m, "assistant") && HasText(m, "Hello world."));
        }
        finally
        {
            output.WriteLine(cli.Diagnostics());
        }
    }

    private static IEnumerable<string> HeadlessArguments(string scriptPath) =>
    [
        .. Wire.StreamJsonArguments,
        "--settings", FakeResponsesScript.UseExternalAuthSettingsJson,
        FakeResponsesScript.FakeResponsesFlag, scriptPath,
    ];

    private static bool HasText(JsonObject assistant, string text) =>
        assistant["message"]?["content"] is JsonArray content
        && content.Any(block => (string?)block?["type"] == "text" && (string?)block["text"] == text);
}
