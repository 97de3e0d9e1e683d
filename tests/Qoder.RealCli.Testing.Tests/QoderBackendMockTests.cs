using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>The mock on its own, driven over HTTP; no CLI involved.</summary>
public sealed class QoderBackendMockTests
{
    private static readonly string ChatUrl = QoderBackendMock.ChatPath + "?FetchKeys=llm_model_result&AgentId=agent_common&Encode=1";

    [Fact]
    public async Task Listens_on_loopback_and_answers_unknown_paths_with_404()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var client = new HttpClient { BaseAddress = mock.Endpoint };

        using var response = await client.GetAsync(new Uri("/algo/api/v2/config/getDataPolicy?x=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("127.0.0.1", mock.Endpoint.Host);
        Assert.Equal(mock.Endpoint.GetLeftPart(UriPartial.Authority), mock.Origin);
        Assert.Equal(["GET /algo/api/v2/config/getDataPolicy"], mock.RequestLog);
    }

    [Fact]
    public async Task Region_endpoints_elect_the_mock_for_every_host()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var client = new HttpClient { BaseAddress = mock.Endpoint };

        foreach (var version in new[] { "v3", "v5" })
        {
            var body = await client.GetFromJsonAsync<JsonObject>(new Uri($"/algo/api/{version}/service/region/endpoints", UriKind.Relative));
            foreach (var field in new[] { "centerNodes", "inferNodes", "security", "openapiNodes" })
            {
                Assert.Equal(mock.Origin, (string?)body![field]![0]);
            }
        }
    }

    [Fact]
    public async Task Token_exchange_records_the_pat_and_can_reject_it()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var client = new HttpClient { BaseAddress = mock.Endpoint };
        var request = new JsonObject { ["personal_token"] = "pt-one", ["machine_id"] = "m" };

        using var accepted = await client.PostAsJsonAsync(new Uri(QoderBackendMock.TokenExchangePath, UriKind.Relative), request);
        var token = await accepted.Content.ReadFromJsonAsync<JsonObject>();
        mock.RejectTokenExchange = true;
        request["personal_token"] = "pt-two";
        using var rejected = await client.PostAsJsonAsync(new Uri(QoderBackendMock.TokenExchangePath, UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)token!["token"]));
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(["pt-one", "pt-two"], mock.ReceivedPersonalTokens);
    }

    [Fact]
    public async Task Chat_streams_scripted_turns_in_order_then_an_exhausted_marker()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var client = new HttpClient { BaseAddress = mock.Endpoint };
        var callId = mock.EnqueueToolCall("Bash", new { command = "echo hi" }, "Running.", new MockTokenUsage(3, 4));
        mock.EnqueueTextChunks(["A", "B"]);

        var first = await ChatAsync(client);
        var second = await ChatAsync(client);
        var third = await ChatAsync(client);

        Assert.Equal("[DONE]", first[^1]);
        var firstChunks = first.SkipLast(1).Select(Unwrap).ToList();
        Assert.Equal("Running.", (string?)firstChunks[0]["choices"]![0]!["delta"]!["content"]);
        var call = firstChunks[1]["choices"]![0]!["delta"]!["tool_calls"]![0]!;
        Assert.Equal(callId, (string?)call["id"]);
        Assert.Equal("Bash", (string?)call["function"]!["name"]);
        Assert.Equal("echo hi", (string?)JsonNode.Parse((string)call["function"]!["arguments"]!)!["command"]);
        Assert.Equal("tool_calls", (string?)firstChunks[2]["choices"]![0]!["finish_reason"]);
        Assert.Equal(7, (int?)firstChunks[2]["usage"]!["total_tokens"]);

        Assert.Equal(["A", "B"], second.SkipLast(1).Select(Unwrap).Select(c => (string?)c["choices"]![0]!["delta"]!["content"]).Where(t => t is not null));
        Assert.Equal("stop", (string?)Unwrap(second[^2])["choices"]![0]!["finish_reason"]);
        Assert.Equal(QoderBackendMock.ExhaustedScriptText, (string?)Unwrap(third[0])["choices"]![0]!["delta"]!["content"]);
        Assert.Equal(3, mock.ChatCallCount);
        Assert.Equal(0, mock.PendingTurnCount);
    }

    [Fact]
    public async Task SeedHome_writes_a_fresh_endpoint_cache_pointing_at_the_mock()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var home = new TempDirectory("qoder-home-");
        var before = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        mock.SeedHome(home.Path);

        var cache = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(home.Path, ".qoder", ".cache", "endpoint-cache.json")))!;
        var entry = cache["entries"]!["prod"]!;
        Assert.Equal(1, (int?)cache["version"]);
        Assert.Equal(mock.Origin, (string?)entry["endpoint"]);
        Assert.Equal(mock.Origin, (string?)entry["openapiEndpoints"]![0]);
        Assert.InRange((long)entry["updatedAt"]!, before, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private static async Task<List<string>> ChatAsync(HttpClient client, string? body = null)
    {
        using HttpContent content = body is null ? new ByteArrayContent([1, 2, 3]) : new StringContent(body);
        using var response = await client.PostAsync(new Uri(ChatUrl, UriKind.Relative), content);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(evt => evt.StartsWith("data: ", StringComparison.Ordinal) ? evt["data: ".Length..] : throw new InvalidOperationException(evt))
            .ToList();
    }

    private static JsonObject Unwrap(string data)
    {
        var envelope = JsonNode.Parse(data)!;
        Assert.Equal(200, (int?)envelope["statusCodeValue"]);
        return JsonNode.Parse((string)envelope["body"]!)!.AsObject();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_reply_is_computed_from_the_decoded_request_whatever_the_alignment_of_the_text(int lead)
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var client = new HttpClient { BaseAddress = mock.Endpoint };
        mock.EnqueueReply(request => request.Contains("The secret word is HERON.") ? "HERON" : "unknown");
        mock.EnqueueReply(request => request.Contains("The secret word is HERON.") ? "HERON" : "unknown");
        // Symbols before the text shift it by 6 bits each, as a segment of another length before it does in the CLI's body.
        var shifted = new string('_', lead) + Obfuscate("{\"messages\":[{\"role\":\"user\",\"content\":\"The secret word is HERON.\"}]}");

        var first = await ChatAsync(client, shifted);
        var second = await ChatAsync(client, Obfuscate("{\"messages\":[]}"));

        Assert.Equal("HERON", (string?)Unwrap(first[0])["choices"]![0]!["delta"]!["content"]);
        Assert.Equal("unknown", (string?)Unwrap(second[0])["choices"]![0]!["delta"]!["content"]);
    }

    // The CLI's encoding as the mock understands it: base64 over the private alphabet, '$' as padding.
    private static string Obfuscate(string text)
    {
        const string Standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const string Private = "_doRTgHZBKcGVjlvpC,@aFSx#DPuNJme&i*MzLOEn)sUrthbf%Y^w.(kIQyXqWA!";
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
        return string.Concat(encoded.Select(c => c == '=' ? '$' : Private[Standard.IndexOf(c, StringComparison.Ordinal)]));
    }
}
