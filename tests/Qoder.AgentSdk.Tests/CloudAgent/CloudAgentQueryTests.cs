using System.Net;
using Qoder.AgentSdk.CloudAgent;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Tests.CloudAgent;

/// <summary>The experimental Cloud Agent path: requests sent to a scripted Cloud API and its events turned into typed messages.</summary>
public sealed class CloudAgentQueryTests
{
    private const string Token = "pat-secret-123";

    [Fact]
    public async Task Creating_an_agent_and_session_sends_the_documented_requests_and_maps_the_events()
    {
        var api = new FakeCloudApi()
            .Json("""{"id":"agent-1"}""")
            .Json("""{"id":"sess-1"}""")
            .Sse("""
                : keep-alive

                id: e0
                event: agent.message
                data: {"turn_id":"t0","content":"stale"}

                id: e1
                data: {"type":"agent.message","turn_id":"t1","content":"Hello "}

                id: e2
                event: agent.message
                data: {"turn_id":"t1",
                data: "content":[{"type":"text","text":"world"},{"type":"image"}]}

                id: e3
                event: span.model_request_end
                data: {"turn_id":"t1","usage":{"input_tokens":10,"output_tokens":5},"total_cost_usd":0.5}

                id: e4
                event: session.status_idle
                data: {"turn_id":"t1"}


                """.Replace("\n", "\r\n", StringComparison.Ordinal))
            .Json("""{"data":[{"id":"ev-9","type":"user.message","turn_id":"t1"}]}""");
        var options = Options(api, new CloudAgentOptions
        {
            Agent = CloudAgentReference.Create(new AgentCreateParams
            {
                Model = "qwen-max",
                Name = "reviewer",
                Tools = [new CloudAgentToolset { EnabledTools = ["read", "grep"] }],
            }),
            Session = CloudSessionReference.Create(new CloudSessionCreateParams { EnvironmentId = "env-1", Title = "review" }),
            Stream = new CloudAgentStreamOptions { DeltaFlushInterval = TimeSpan.FromMilliseconds(50) },
        });

        var messages = await CollectAsync(QoderQuery.RunAsync("review the diff", options));

        // Order as sent: the SSE stream is opened before the prompt is posted, so no event of the turn is missed.
        Assert.Equal(
            ["POST /api/v1/cloud/agents", "POST /api/v1/cloud/sessions", "GET /api/v1/cloud/sessions/sess-1/events/stream?delta_flush_interval_ms=50", "POST /api/v1/cloud/sessions/sess-1/events"],
            api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.All(api.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
        Assert.Equal("text/event-stream", api.Requests[2].Accept);
        Assert.Equal("application/json", api.Requests[0].Accept);
        Assert.Equal("""{"model":"qwen-max","name":"reviewer","tools":[{"type":"agent_toolset_20260401","enabled_tools":["read","grep"]}]}""", api.Requests[0].Body);
        Assert.Equal("""{"agent":"agent-1","environment_id":"env-1","title":"review"}""", api.Requests[1].Body);
        Assert.Equal("""{"events":[{"type":"user.message","content":"review the diff"}]}""", api.Requests[3].Body);

        var events = messages.OfType<CloudAgentEventMessage>().ToList();
        Assert.Equal(["agent.message", "agent.message", "agent.message", "span.model_request_end", "session.status_idle"], events.Select(e => e.Event));
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal("cloud_agent_event", e.Type));
        Assert.All(events, e => Assert.Equal("sess-1", e.SessionId));
        Assert.Equal("world", events[2].Data.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Contains("\"type\":\"cloud_agent_event\"", events[0].ToJson(), StringComparison.Ordinal);

        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal(6, messages.Count);
        Assert.False(result.IsError);
        Assert.Equal("success", result.Subtype);
        Assert.Equal("Hello world", result.Result);
        Assert.Equal(10, result.Usage!.InputTokens);
        Assert.Equal(5, result.Usage.OutputTokens);
        Assert.Equal(0.5, result.TotalCostUsd);
        Assert.Equal("sess-1", result.SessionId);
    }

    [Fact]
    public async Task A_stream_that_ends_early_is_reopened_after_the_last_event_id()
    {
        var api = new FakeCloudApi()
            .Sse("id: e5\nevent: agent.message\ndata: {\"turn_id\":\"t2\",\"content\":\"part one, \"}\n\n")
            .Json("""{"data":[{"type":"user.message","turn_id":"t2"}]}""")
            .Sse("id: e6\nevent: agent.message\ndata: {\"turn_id\":\"t2\",\"content\":\"part two\"}\n\nid: e7\nevent: terminated\ndata: {\"turn_id\":\"t2\"}\n\n");
        var options = Options(api, new CloudAgentOptions
        {
            Session = CloudSessionReference.Existing("sess-7"),
            Stream = new CloudAgentStreamOptions { AfterId = "e4" },
        });

        var messages = await CollectAsync(QoderCloudAgent.QueryAsync("go on", options));

        Assert.Equal(
            ["GET /api/v1/cloud/sessions/sess-7/events/stream?after_id=e4", "POST /api/v1/cloud/sessions/sess-7/events", "GET /api/v1/cloud/sessions/sess-7/events/stream?after_id=e5"],
            api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal(["e5", "e6", "e7"], messages.OfType<CloudAgentEventMessage>().Select(e => e.Id));
        var result = Assert.IsType<ResultMessage>(messages[^1]);
        Assert.Equal("part one, part two", result.Result);
    }

    [Fact]
    public async Task A_stream_that_keeps_ending_without_progress_fails_the_turn_with_an_error_result()
    {
        var api = new FakeCloudApi().Sse(string.Empty).Json("""{"data":[]}""");
        for (var i = 0; i < CloudAgentQuery.MaxReconnects; i++)
        {
            api.Sse(": nothing new\n\n");
        }

        var messages = await CollectAsync(QoderCloudAgent.QueryAsync("hi", Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s") })));

        Assert.Equal(2 + CloudAgentQuery.MaxReconnects, api.Requests.Count);
        var result = Assert.IsType<ResultMessage>(Assert.Single(messages));
        Assert.True(result.IsError);
        Assert.Equal("error_during_execution", result.Subtype);
        Assert.Contains("closed before the current turn", Assert.Single(result.Errors!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_error_ends_the_turn_with_its_message()
    {
        var api = new FakeCloudApi()
            .Sse("id: e1\nevent: session.error\ndata: {\"error\":{\"message\":\"quota exceeded\"}}\n\n")
            .Json("""{"data":[{"type":"user.message"}]}""");

        var messages = await CollectAsync(QoderCloudAgent.QueryAsync("hi", Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s") })));

        Assert.Equal("session.error", Assert.IsType<CloudAgentEventMessage>(messages[0]).Event);
        var result = Assert.IsType<ResultMessage>(messages[1]);
        Assert.True(result.IsError);
        Assert.Equal(["quota exceeded"], result.Errors);
    }

    [Fact]
    public async Task A_broken_stream_surfaces_a_typed_error_after_the_events_already_read()
    {
        var api = new FakeCloudApi()
            .SseStream(() => new BreakingStream("id: e1\nevent: agent.message\ndata: {\"content\":\"hal\"}\n\n"))
            .Json("""{"data":[{"type":"user.message"}]}""");
        var received = new List<QoderMessage>();

        var error = await Assert.ThrowsAsync<QoderCloudAgentException>(async () =>
        {
            await foreach (var message in QoderCloudAgent.QueryAsync("hi", Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s") })))
            {
                received.Add(message);
            }
        });

        Assert.Equal("cloud_agent_stream_broken", error.Code);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal("e1", Assert.IsType<CloudAgentEventMessage>(Assert.Single(received)).Id);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_request_is_typed_with_status_and_body_reports_auth_expiry_once_and_never_holds_the_token()
    {
        var api = new FakeCloudApi().Json("""{"error":"token expired"}""", HttpStatusCode.Unauthorized);
        var expired = 0;
        var options = Options(api, new CloudAgentOptions
        {
            Agent = CloudAgentReference.Existing("agent-1"),
            Session = CloudSessionReference.Create(new CloudSessionCreateParams { EnvironmentId = "env-1" }),
        });
        options.OnAuthExpired = () => expired++;

        var error = await Assert.ThrowsAsync<QoderCloudAgentException>(() => CollectAsync(QoderCloudAgent.QueryAsync("hi", options)));

        Assert.Equal("cloud_agent_api_error", error.Code);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("token expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, expired);
        Assert.Equal("""{"agent":"agent-1","environment_id":"env-1"}""", Assert.Single(api.Requests).Body);
    }

    [Fact]
    public async Task Options_the_cloud_api_cannot_serve_are_rejected_before_any_request()
    {
        var api = new FakeCloudApi();
        var serviceAccount = Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s") });
        serviceAccount.Auth = QoderAuth.ServiceAccount("key");
        var agentWithExistingSession = Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s"), Agent = CloudAgentReference.Existing("a") });
        var createWithoutAgent = Options(api, new CloudAgentOptions { Session = CloudSessionReference.Create(new CloudSessionCreateParams { EnvironmentId = "env" }) });
        var blankEnvironment = Options(api, new CloudAgentOptions { Agent = CloudAgentReference.Existing("a"), Session = CloudSessionReference.Create(new CloudSessionCreateParams { EnvironmentId = " " }) });

        Assert.Equal("Auth", (await Assert.ThrowsAsync<QoderConfigurationException>(() => CollectAsync(QoderCloudAgent.QueryAsync("x", serviceAccount)))).OptionName);
        Assert.Equal("ExperimentalCloudAgent.Agent", (await Assert.ThrowsAsync<QoderConfigurationException>(() => CollectAsync(QoderCloudAgent.QueryAsync("x", agentWithExistingSession)))).OptionName);
        Assert.Equal("ExperimentalCloudAgent.Agent", (await Assert.ThrowsAsync<QoderConfigurationException>(() => CollectAsync(QoderCloudAgent.QueryAsync("x", createWithoutAgent)))).OptionName);
        Assert.Equal("ExperimentalCloudAgent.Session.CreateParams.EnvironmentId", (await Assert.ThrowsAsync<QoderConfigurationException>(() => CollectAsync(QoderCloudAgent.QueryAsync("x", blankEnvironment)))).OptionName);
        Assert.Throws<QoderConfigurationException>(() => new QoderClient(agentWithExistingSession));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task The_token_comes_from_the_auth_environment_variable_of_the_options()
    {
        var api = new FakeCloudApi().Sse("event: session.status_idle\ndata: {}\n\n").Json("{}");
        var options = Options(api, new CloudAgentOptions { Session = CloudSessionReference.Existing("s") });
        options.Auth = QoderAuth.AccessTokenFromEnv("QODER_CLOUD_TEST_TOKEN");
        options.Environment["QODER_CLOUD_TEST_TOKEN"] = "from-env";

        var messages = await CollectAsync(QoderCloudAgent.QueryAsync("x", options));

        Assert.All(api.Requests, r => Assert.Equal("Bearer from-env", r.Authorization));
        Assert.False(Assert.IsType<ResultMessage>(messages[^1]).IsError);
    }

    private static QoderAgentOptions Options(FakeCloudApi api, CloudAgentOptions cloud)
    {
        cloud.HttpClient = new HttpClient(api);
        cloud.ApiBase = new Uri("http://cloud.test/api/v1/cloud/");
        return new QoderAgentOptions { Auth = QoderAuth.AccessToken(Token), ExperimentalCloudAgent = cloud };
    }

    private static async Task<List<QoderMessage>> CollectAsync(IAsyncEnumerable<QoderMessage> messages)
    {
        var list = new List<QoderMessage>();
        await foreach (var message in messages)
        {
            list.Add(message);
        }

        return list;
    }
}
