using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qoder.AgentSdk.Testing;

namespace Qoder.Samples.WebApi.Tests;

/// <summary>The conversation endpoints over the stand-in: a conversation several requests long, its stream, its deletion.</summary>
public sealed class ConversationEndpointTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-webapi-conv-").FullName;
    private readonly HashSet<int> _pids = [];

    [Fact]
    public async Task A_conversation_remembers_its_messages_streams_and_is_404_once_deleted()
    {
        var scenario = new QoderScenario { DefaultReply = "seen: " + QoderScenario.PreviousPromptsPlaceholder };
        var launch = StandInLaunch.Prepare(scenario, _work);
        var settings = new Dictionary<string, string?>
        {
            ["Sample:Offline"] = "false",
            ["Qoder:Auth"] = "Headless",
            ["Qoder:Agent:CliPath"] = launch.CliPath,
            ["Qoder:Agent:WorkingDirectory"] = _work,
            ["Qoder:Agent:Environment:QODER_CONFIG_DIR"] = Path.Combine(_work, "config"),
        };
        foreach (var (name, value) in launch.Environment)
        {
            settings["Qoder:Agent:Environment:" + name] = value;
        }

        using (var factory = new SampleAppFactory(settings))
        {
            using var client = factory.CreateClient();
            using var started = await client.PostAsync(new Uri("/conversations", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            Assert.Equal("seen: ", await SendAsync(client, id, "alpha"));
            Assert.Equal("seen: alpha", await SendAsync(client, id, "beta"));
            using (var stream = await client.PostAsJsonAsync(new Uri($"/conversations/{id}/messages/stream", UriKind.Relative), new { prompt = "gamma" }))
            {
                Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
                var body = await stream.Content.ReadAsStringAsync();
                Assert.Contains("seen: alpha | beta", body, StringComparison.Ordinal);
                Assert.Contains("\"type\":\"result\"", body, StringComparison.Ordinal);
            }

            Record();
            using var deleted = await client.DeleteAsync(new Uri($"/conversations/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            using var gone = await client.PostAsJsonAsync(new Uri($"/conversations/{id}/messages", UriKind.Relative), new { prompt = "delta" });
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            using var unknown = await client.DeleteAsync(new Uri($"/conversations/{Guid.NewGuid()}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        foreach (var pid in _pids)
        {
            Assert.False(ProcessLiveness.IsAlive(pid), $"process {pid} ({ProcessWatch.CommandLine(pid)}) is still running after the app was disposed");
        }
    }

    public void Dispose()
    {
        ProcessWatch.Kill(_pids);
        Directory.Delete(_work, recursive: true);
    }

    private static async Task<string?> SendAsync(HttpClient client, string id, string prompt)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/conversations/{id}/messages", UriKind.Relative), new { prompt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString();
    }

    private void Record() => _pids.UnionWith(ProcessWatch.Descendants());
}
