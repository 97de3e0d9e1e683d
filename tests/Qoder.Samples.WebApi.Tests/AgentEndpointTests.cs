using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Transport;

namespace Qoder.Samples.WebApi.Tests;

/// <summary>The sample's endpoints over the stand-in CLI, and once over the real CLI in its offline default.</summary>
public sealed class AgentEndpointTests : IDisposable
{
    private const string Reply = "Hello from the stand-in";
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-webapi-tests-").FullName;
    private readonly HashSet<int> _pids = [];

    [Fact]
    public async Task Run_returns_the_agent_text_and_leaves_no_process()
    {
        using (var factory = StandInFactory())
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsJsonAsync(new Uri("/agent/run", UriKind.Relative), new { prompt = "hi" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("qoder", response.Headers.GetValues("X-Qoder-Mode").Single());
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(Reply, body.RootElement.GetProperty("text").GetString());
            Assert.Equal("success", body.RootElement.GetProperty("subtype").GetString());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("sessionId").GetString()));
            Record();
        }

        AssertGone();
    }

    [Fact]
    public async Task Review_runs_on_the_reviewer_agent()
    {
        using (var factory = StandInFactory())
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsJsonAsync(new Uri("/agent/review", UriKind.Relative), new { prompt = "review this" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(Reply, body.RootElement.GetProperty("text").GetString());
            Record();
        }

        AssertGone();
    }

    [Fact]
    public async Task Stream_sends_each_message_as_a_server_sent_event_up_to_the_result()
    {
        using (var factory = StandInFactory())
        {
            using var client = factory.CreateClient();
            var events = await StreamAsync(client, "hi");
            Assert.Equal("result", events[^1].GetProperty("type").GetString());
            Assert.Contains(events, e => e.GetProperty("type").GetString() == "assistant" && e.GetRawText().Contains(Reply, StringComparison.Ordinal));
            Record();
        }

        AssertGone();
    }

    [Fact]
    public async Task Health_becomes_healthy_once_the_pool_is_warm()
    {
        using (var factory = StandInFactory())
        {
            using var client = factory.CreateClient();
            var status = await PollHealthAsync(client);
            Assert.Equal("Healthy", status);
            Record();
        }

        AssertGone();
    }

    [Fact]
    [Trait("Category", "RealCli")]
    public async Task Offline_default_runs_the_real_cli_on_the_scripted_model()
    {
        var cli = await QoderCliInstaller.EnsureInstalledAsync();
        using (var factory = new SampleAppFactory(new Dictionary<string, string?>
        {
            ["Qoder:PersonalAccessToken"] = string.Empty,
            ["Qoder:Agent:CliPath"] = cli,
            ["Qoder:Agent:WorkingDirectory"] = _work,
        }))
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsJsonAsync(new Uri("/agent/run", UriKind.Relative), new { prompt = "hi" });
            Record();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("offline-scripted-model", response.Headers.GetValues("X-Qoder-Mode").Single());
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.StartsWith("Hello from the offline scripted model.", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("success", body.RootElement.GetProperty("subtype").GetString());

            // The scripted model read a file (allowed), tried a write outside the workspace (denied by the policy) and
            // called the in-process price tool before its final text.
            Assert.Equal(["Write"], body.RootElement.GetProperty("deniedTools").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("Done:", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        AssertGone();
    }

    [Fact]
    public async Task The_permission_policy_allows_reads_and_workspace_writes_and_denies_other_writes_and_Bash()
    {
        var outside = Path.Combine(Path.GetTempPath(), "qoder-webapi-outside-" + Guid.NewGuid().ToString("N") + ".txt");
        var scenario = QoderScenario.Create().Turn(t => t
            .ToolUse("Read", new JsonObject { ["file_path"] = "/etc/hostname" }, result: "build-host", requiresPermission: true)
            .ToolUse("Write", new JsonObject { ["file_path"] = outside, ["content"] = "denied" })
            .ToolUse("Write", new JsonObject { ["file_path"] = "notes.txt", ["content"] = "allowed" })
            .ToolUse("Bash", new JsonObject { ["command"] = "rm -rf /" })
            .Text("Done."));
        using (var factory = StandInFactory(scenario))
        {
            using var client = factory.CreateClient();
            using var response = await client.PostAsJsonAsync(new Uri("/agent/run", UriKind.Relative), new { prompt = "tidy up" });
            Record();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(["Write", "Bash"], body.RootElement.GetProperty("deniedTools").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("allowed", await File.ReadAllTextAsync(Path.Combine(_work, "notes.txt")));
            Assert.False(File.Exists(outside));
        }

        AssertGone();
    }

    [Fact]
    public async Task The_in_process_price_tool_answers_from_the_price_list_and_the_stream_carries_token_deltas()
    {
        var scenario = QoderScenario.Create().Turn(t => t
            .Text("Looking up the price.", "Looking ", "up the ", "price.")
            .ToolUse("mcp__app__price_of", new JsonObject { ["item"] = "apple" })
            .Text("An apple costs 1.25 EUR.", "An apple ", "costs 1.25 EUR."));
        using (var factory = StandInFactory(scenario))
        {
            using var client = factory.CreateClient();
            var events = await StreamAsync(client, "price of an apple?");
            Record();

            var deltas = events.Where(e => e.GetProperty("type").GetString() == "stream_event")
                .Select(e => e.GetProperty("event"))
                .Where(e => e.GetProperty("type").GetString() == "content_block_delta")
                .Select(e => e.GetProperty("delta").GetProperty("text").GetString())
                .ToList();
            Assert.Equal(["Looking ", "up the ", "price.", "An apple ", "costs 1.25 EUR."], deltas);
            var toolResult = events.Where(e => e.GetProperty("type").GetString() == "user").Select(e => e.GetRawText()).Single();
            Assert.Contains("apple costs 1.25 EUR", toolResult, StringComparison.Ordinal);
            Assert.Equal("result", events[^1].GetProperty("type").GetString());
        }

        AssertGone();
    }

    public void Dispose()
    {
        ProcessWatch.Kill(_pids);
        Directory.Delete(_work, recursive: true);
    }

    private static async Task<List<JsonElement>> StreamAsync(HttpClient client, string prompt)
    {
        using var response = await client.GetAsync(new Uri("/agent/stream?prompt=" + Uri.EscapeDataString(prompt), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync())
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? JsonDocument.Parse(e["data: ".Length..]).RootElement.Clone() : throw new InvalidDataException(e))
            .ToList();
    }

    private static async Task<string> PollHealthAsync(HttpClient client)
    {
        var status = string.Empty;
        try
        {
            await Eventually.TrueAsync(
                async () => (status = await client.GetStringAsync(new Uri("/health", UriKind.Relative))) == "Healthy",
                "the health check to report Healthy",
                TimeSpan.FromSeconds(60),
                TimeSpan.FromMilliseconds(100));
        }
        catch (EventuallyException)
        {
            // The caller asserts on the last status, which names what was reported instead.
        }

        return status;
    }

    private SampleAppFactory StandInFactory(QoderScenario? scenario = null)
    {
        var launch = StandInLaunch.Prepare(scenario ?? QoderScenario.Create().Reply(Reply), _work);
        var settings = new Dictionary<string, string?>
        {
            ["Sample:Offline"] = "false",
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Agent:CliPath"] = launch.CliPath,
            ["Qoder:Agent:WorkingDirectory"] = _work,
        };
        foreach (var (name, value) in launch.Environment)
        {
            settings["Qoder:Agent:Environment:" + name] = value;
        }

        return new SampleAppFactory(settings);
    }

    private void Record() => _pids.UnionWith(ProcessWatch.Descendants());

    private void AssertGone()
    {
        Assert.NotEmpty(_pids);
        foreach (var pid in _pids)
        {
            Assert.False(ProcessLiveness.IsAlive(pid), $"process {pid} ({ProcessWatch.CommandLine(pid)}) is still running after the app was disposed");
        }
    }
}
