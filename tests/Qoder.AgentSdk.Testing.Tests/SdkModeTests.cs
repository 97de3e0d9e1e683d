using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Tests;

public sealed class SdkModeTests
{
    private static Dictionary<string, string?> SdkEnvironment(string? payloadPath) => new()
    {
        ["QODER_AGENT_SDK_ENTRYPOINT"] = "sdk-cs",
        ["QODER_SDK_AUTH_PAYLOAD_FILE"] = payloadPath,
    };

    private static string WritePayload(string json)
    {
        var dir = Directory.CreateTempSubdirectory("qoder-sdk-auth-").FullName;
        var path = Path.Combine(dir, "payload.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Missing_payload_gives_auth_payload_missing_and_exit_41()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create(), environment: SdkEnvironment(null));
        var result = await cli.WaitForTypeAsync("result");
        Assert.Equal("auth_payload_missing", (string?)result["terminal_reason"]);
        Assert.Equal(41, await cli.WaitForExitAsync());
    }

    [Theory]
    [InlineData("{not json", "SDK auth payload is not valid JSON")]
    [InlineData("{\"type\":\"bogus\"}", "Unknown auth payload type: bogus")]
    public async Task Invalid_payload_gives_auth_payload_invalid_and_the_file_is_deleted(string payload, string error)
    {
        var path = WritePayload(payload);
        try
        {
            await using var cli = StandInProcess.Start(QoderScenario.Create(), environment: SdkEnvironment(path));
            var result = await cli.WaitForTypeAsync("result");
            Assert.Equal("auth_payload_invalid", (string?)result["terminal_reason"]);
            Assert.Equal(error, (string?)result["errors"]![0]);
            Assert.Equal(41, await cli.WaitForExitAsync());
            Assert.False(File.Exists(path));
            Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Scenario_authentication_failure_exits_41_and_the_secret_is_never_recorded()
    {
        var path = WritePayload("{\"type\":\"accessToken\",\"accessToken\":\"pt-TOP-SECRET\"}");
        try
        {
            await using var cli = StandInProcess.Start(QoderScenario.Create().FailAuthentication(), environment: SdkEnvironment(path));
            var result = await cli.WaitForTypeAsync("result");
            Assert.Equal("access_token_invalid", (string?)result["terminal_reason"]);
            Assert.Equal(41, await cli.WaitForExitAsync());
            Assert.Equal("accessToken", cli.Recording.AuthPayloadType);
            Assert.DoesNotContain("pt-TOP-SECRET", await File.ReadAllTextAsync(cli.Launch.RecordPath), StringComparison.Ordinal);
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task User_message_before_initialize_gives_initialize_required()
    {
        var path = WritePayload("{\"type\":\"accessToken\",\"accessToken\":\"pt-x\"}");
        try
        {
            await using var cli = StandInProcess.Start(QoderScenario.Create(), environment: SdkEnvironment(path));
            await cli.SendUserAsync("hello", "u-1");
            var result = await cli.WaitForTypeAsync("result");
            Assert.Equal("initialize_required", (string?)result["terminal_reason"]);
            Assert.Equal(500, (int)result["error_code"]!);
            Assert.Equal("cancelled", (string?)(await cli.WaitForTypeAsync("command_lifecycle"))["state"]);
            Assert.Equal(1, await cli.WaitForExitAsync());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Sdk_mode_with_a_valid_payload_runs_a_turn()
    {
        var path = WritePayload("{\"type\":\"accessToken\",\"accessToken\":\"pt-x\"}");
        try
        {
            await using var cli = StandInProcess.Start(QoderScenario.Create().Reply("hi"), environment: SdkEnvironment(path));
            await cli.InitializeAsync();
            await cli.WaitForResponseAsync("init-1");
            await cli.SendUserAsync("hello", "u-1");
            Assert.Equal("hi", (string?)(await cli.WaitForTypeAsync("result"))["result"]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_stream_json_flags_in_sdk_mode_is_an_argument_error()
    {
        await using var cli = StandInProcess.Start(QoderScenario.Create(), ["--print", "--output-format", "stream-json"], SdkEnvironment(null), streamJsonArgs: false);
        Assert.Equal(1, await cli.WaitForExitAsync());
        Assert.Contains("sdk_invalid_args", cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_run_answers_initialize()
    {
        var stdin = new MemoryStream("{\"type\":\"control_request\",\"request_id\":\"i\",\"request\":{\"subtype\":\"initialize\"}}\n"u8.ToArray());
        var stdout = new MemoryStream();
        var code = await StandInCli.RunAsync([.. StandInProcess.StreamJsonArgs], stdin, stdout, Stream.Null, new Dictionary<string, string?>(), CancellationToken.None);
        Assert.Equal(0, code);
        var lines = System.Text.Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("init", (string?)JsonNode.Parse(lines[0])!["subtype"]);
        Assert.Equal("success", (string?)JsonNode.Parse(lines[2])!["response"]!["subtype"]);
    }
}
