using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing.Tests;

public sealed class FakeResponsesScriptTests
{
    [Fact]
    public void Writes_one_generateContentStream_line_per_model_call()
    {
        using var directory = new TempDirectory("qoder-fake-");
        var path = Path.Combine(directory.Path, "nested", "script.jsonl");

        var script = new FakeResponsesScript()
            .AddToolCall("Write", """{"file_path":"/x","content":"y"}""", "Writing.", new MockTokenUsage(10, 5))
            .AddTextChunks(["a", "b"]);
        script.WriteTo(path);

        var lines = File.ReadAllLines(path).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(2, script.Count);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal("generateContentStream", (string?)line["method"]));

        var call = lines[0]["response"]![0]!;
        var parts = call["candidates"]![0]!["content"]!["parts"]!.AsArray();
        Assert.Equal("Writing.", (string?)parts[0]!["text"]);
        Assert.Equal("Write", (string?)parts[1]!["functionCall"]!["name"]);
        Assert.Equal("/x", (string?)parts[1]!["functionCall"]!["args"]!["file_path"]);
        Assert.Equal("STOP", (string?)call["candidates"]![0]!["finishReason"]);
        Assert.Equal(15, (int?)call["usageMetadata"]!["totalTokenCount"]);

        var chunks = lines[1]["response"]!.AsArray();
        Assert.Equal(2, chunks.Count);
        Assert.Equal("b", (string?)chunks[1]!["candidates"]![0]!["content"]!["parts"]![0]!["text"]);
        Assert.Null(chunks[0]!["candidates"]![0]!["finishReason"]);
        Assert.Equal("STOP", (string?)chunks[1]!["candidates"]![0]!["finishReason"]);
    }

    [Fact]
    public void Rejects_arguments_that_are_not_a_json_object()
    {
        Assert.Throws<ArgumentException>(() => new FakeResponsesScript().AddToolCall("Bash", "[1]"));
    }

    [Fact]
    public void Writes_the_use_external_auth_settings_into_home()
    {
        using var home = new TempDirectory("qoder-home-");

        FakeResponsesScript.WriteUseExternalAuthSettings(home.Path);

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(home.Path, ".qoder", "settings.json")))!;
        Assert.True((bool?)settings["security"]!["auth"]!["useExternal"]);
    }
}
