using System.Text.Json.Nodes;
using Qoder.AgentSdk.Auth;
using Qoder.AgentSdk.Testing;

namespace Qoder.AgentSdk.Tests.Auth;

/// <summary>Service-account and job-token auth on the stand-in: payload kinds, token requests, and where the secrets go.</summary>
public sealed class ServiceAuthStandInTests : StandInTestClass
{
    private const string Key = "sa-key-0123456789abcdef";

    [Fact]
    public async Task A_service_account_key_goes_into_the_payload_and_nowhere_else()
    {
        var options = StandIn.Options(QoderScenario.Create(), o =>
        {
            o.Auth = QoderAuth.ServiceAccountFromEnv("MY_SA_KEY");
            o.Environment["MY_SA_KEY"] = Key;
            o.Environment["COPY_OF_KEY"] = "prefix-" + Key;
            o.Environment[QoderAuth.DefaultServiceAccountKeyVariable] = "another-key";
        });
        var launch = StandIn.LastLaunch!;

        var messages = await StandInHarness.QueryAsync("hi", options);

        Assert.NotEmpty(messages);
        var recording = launch.ReadRecording();
        Assert.Equal("serviceAccount", recording.AuthPayloadType);
        Assert.DoesNotContain("MY_SA_KEY", recording.EnvironmentVariableNames);
        Assert.DoesNotContain("COPY_OF_KEY", recording.EnvironmentVariableNames);
        Assert.DoesNotContain(QoderAuth.DefaultServiceAccountKeyVariable, recording.EnvironmentVariableNames);
        Assert.DoesNotContain(recording.Arguments, a => a.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, QoderAuth.ServiceAccount(Key).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_account_token_provider_is_asked_at_initialize_and_its_token_answers_the_cli()
    {
        var requests = new List<QoderTokenRequest>();
        var expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var options = StandIn.Options(QoderScenario.Create(), o => o.Auth = QoderAuth.ServiceAccount((request, _) =>
        {
            requests.Add(request);
            return ValueTask.FromResult<QoderAuthToken?>(new QoderAuthToken("sa-token-1", expires));
        }));
        var launch = StandIn.LastLaunch!;

        await StandIn.ConnectAsync(options);

        Assert.Equal(QoderTokenRequestReason.Initial, Assert.Single(requests).Reason);
        var answer = launch.ReadRecording().FramesOfType("control_response").Single().GetProperty("response").GetProperty("response");
        Assert.Equal("sa-token-1", answer.GetProperty("token").GetString());
        Assert.Equal(expires.ToUnixTimeMilliseconds(), answer.GetProperty("expires_at").GetInt64());
        Assert.Equal("serviceAccount", launch.ReadRecording().AuthPayloadType);
    }

    [Fact]
    public async Task A_job_token_provider_answers_the_initial_request_and_a_later_refresh()
    {
        var reasons = new List<QoderTokenRequestReason>();
        var sessions = new List<string?>();
        var options = StandIn.Options(
            QoderScenario.Create().Turn(t => t
                .ControlRequest(new JsonObject { ["subtype"] = "fetch_job_token", ["reason"] = "expiring", ["session_id"] = "s-1" })
                .Text("Done.")),
            o => o.Auth = QoderAuth.JobToken((request, _) =>
            {
                reasons.Add(request.Reason);
                sessions.Add(request.SessionId);
                return ValueTask.FromResult<QoderAuthToken?>(new QoderAuthToken($"job-{reasons.Count}"));
            }));
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        Assert.Equal([QoderTokenRequestReason.Initial, QoderTokenRequestReason.Expiring], reasons);
        Assert.Equal("s-1", sessions[1]);
        var recording = launch.ReadRecording();
        Assert.Equal("jobToken", recording.AuthPayloadType);
        var refresh = recording.ControlAnswers.Single().GetProperty("response");
        Assert.Equal("job-2", refresh.GetProperty("token").GetString());
        Assert.False(refresh.TryGetProperty("expires_at", out _));
    }

    [Fact]
    public async Task A_job_token_provider_without_a_token_fails_initialize_with_the_official_code()
    {
        var options = StandIn.Options(QoderScenario.Create(), o => o.Auth = QoderAuth.JobToken((_, _) => ValueTask.FromResult<QoderAuthToken?>(null)));
        var launch = StandIn.LastLaunch!;

        var error = await Assert.ThrowsAsync<QoderControlRequestException>(() => StandIn.ConnectAsync(options));

        Assert.Contains("did not provide a Job Token", error.Message, StringComparison.Ordinal);
        var answer = launch.ReadRecording().FramesOfType("control_response").Single().GetProperty("response");
        Assert.Equal("job_token_unavailable", answer.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_request_for_another_kind_of_auth_is_refused_with_its_code()
    {
        var options = StandIn.Options(
            QoderScenario.Create().Turn(t => t.ControlRequest(new JsonObject { ["subtype"] = "fetch_service_account_token", ["reason"] = "unauthorized" }).Text("Done.")),
            o => o.Auth = QoderAuth.JobToken((_, _) => ValueTask.FromResult<QoderAuthToken?>(new QoderAuthToken("job"))));
        var launch = StandIn.LastLaunch!;

        await StandInHarness.QueryAsync("hi", options);

        Assert.Contains("No Service Account token callback", launch.ReadRecording().ControlAnswers.Single().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_service_account_variable_fails_before_launch_with_a_typed_error()
    {
        var options = StandIn.Options(QoderScenario.Create(), o => o.Auth = QoderAuth.ServiceAccountFromEnv("QODER_TEST_UNSET_SA_KEY_VARIABLE"));
        var launch = StandIn.LastLaunch!;

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => StandIn.ConnectAsync(options));

        Assert.Equal("auth_service_account_env_var_not_configured", error.TerminalReason);
        Assert.Contains("QODER_TEST_UNSET_SA_KEY_VARIABLE", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(launch.RecordPath));
    }

    [Fact]
    public async Task OnAuthExpired_runs_once_when_the_cli_exits_41()
    {
        var calls = 0;
        var options = StandIn.Options(QoderScenario.Create().FailAuthentication("service_account_key_invalid", "bad key"), o =>
        {
            o.Auth = QoderAuth.ServiceAccount(Key);
            o.OnAuthExpired = () => Interlocked.Increment(ref calls);
        });

        await Assert.ThrowsAnyAsync<QoderException>(() => StandIn.ConnectAsync(options));

        Assert.Equal(1, calls);
    }
}
