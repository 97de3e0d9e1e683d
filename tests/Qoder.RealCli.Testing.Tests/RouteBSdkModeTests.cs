using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Qoder.RealCli.Testing.Tests;

/// <summary>Route B in SDK mode: the production launch (auth payload file) against <see cref="QoderBackendMock"/>.</summary>
[Trait("Category", "RealCli")]
public sealed class RouteBSdkModeTests(ITestOutputHelper output)
{
    private const string FakePat = "pt-test-0123456789abcdef";

    [Fact]
    public async Task Sdk_mode_runs_a_write_turn_against_the_mock()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var folders = new CliFolders();
        var target = Path.Combine(folders.Work, "hello.txt");
        var callId = mock.EnqueueToolCall(
            "Write",
            new JsonObject { ["file_path"] = target, ["content"] = "hi there" },
            leadingText: "Writing a file.",
            usage: new MockTokenUsage(12, 7));
        mock.EnqueueText("All done.", new MockTokenUsage(20, 3));
        mock.SeedHome(folders.Home);
        var payloadPath = WritePayload(folders.Auth);

        await using var cli = CliProcess.Start(Wire.StreamJsonArguments, folders.Work, SdkEnvironment(mock, folders.Home, payloadPath));
        try
        {
            await cli.SendAsync(Wire.Initialize("init1"));
            var init = await cli.WaitForLineAsync(m => Frames.Is(m, "system", "init"), "system/init");
            output.WriteLine($"route B (SDK mode): spawn -> system/init {init.Elapsed.TotalMilliseconds:F0} ms");
            var initialized = await cli.WaitForLineAsync(m => Frames.IsControlResponseFor(m, "init1"), "initialize response");
            Assert.Equal("success", (string?)initialized.Message!["response"]!["subtype"]);

            await cli.SendAsync(Frames.UserText("Write hello.txt please."));
            var permission = await cli.WaitForLineAsync(m => Frames.IsControlRequest(m, "can_use_tool"), "can_use_tool");
            Assert.Equal("Write", (string?)permission.Message!["request"]!["tool_name"]);
            Assert.Equal(callId, (string?)permission.Message["request"]!["tool_use_id"]);
            await cli.SendAsync(Frames.Allow(permission.Message));

            var result = await cli.WaitForLineAsync(m => Frames.Is(m, "result"), "result");
            output.WriteLine($"route B (SDK mode): spawn -> result {result.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal("success", (string?)result.Message!["subtype"]);
            Assert.False((bool?)result.Message["is_error"]);
            Assert.Equal("All done.", (string?)result.Message["result"]);
            Assert.Equal(2, (int?)result.Message["num_turns"]);

            Assert.Equal("hi there", await File.ReadAllTextAsync(target));
            Assert.False(File.Exists(payloadPath), "the CLI deletes the auth payload file");
            Assert.Equal([FakePat], mock.ReceivedPersonalTokens);
            Assert.Equal(2, mock.ChatCallCount);
            Assert.Equal(0, mock.PendingTurnCount);
            output.WriteLine("requests: " + string.Join(", ", mock.RequestLog.Distinct()));
        }
        finally
        {
            output.WriteLine(cli.Diagnostics());
        }
    }

    [Fact]
    public async Task Sdk_mode_with_a_rejected_pat_reports_access_token_invalid_and_exits_41()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        mock.RejectTokenExchange = true;
        using var folders = new CliFolders();
        mock.SeedHome(folders.Home);
        var payloadPath = WritePayload(folders.Auth);

        await using var cli = CliProcess.Start(Wire.StreamJsonArguments, folders.Work, SdkEnvironment(mock, folders.Home, payloadPath));
        try
        {
            await cli.SendAsync(Wire.Initialize("init1"));
            var result = await cli.WaitForLineAsync(m => Frames.Is(m, "result"), "result");
            var exitCode = await cli.WaitForExitAsync();
            output.WriteLine($"rejected PAT: result at {result.Elapsed.TotalMilliseconds:F0} ms, exit code {exitCode.ToString(CultureInfo.InvariantCulture)}");
            output.WriteLine(result.Text);

            Assert.Equal(41, exitCode);
            Assert.Equal("error_during_execution", (string?)result.Message!["subtype"]);
            Assert.True((bool?)result.Message["is_error"]);
            Assert.Equal("access_token_invalid", (string?)result.Message["terminal_reason"]);
            Assert.DoesNotContain(cli.Received, line => line.Message is { } m && Frames.Is(m, "system", "init"));
            Assert.Equal([FakePat], mock.ReceivedPersonalTokens);
            Assert.Equal(0, mock.ChatCallCount);
            Assert.False(File.Exists(payloadPath), "the CLI deletes the auth payload file");
        }
        finally
        {
            output.WriteLine(cli.Diagnostics());
        }
    }

    [Fact]
    public async Task Sdk_mode_streams_chunked_mock_text_as_text_deltas()
    {
        await using var mock = await QoderBackendMock.StartAsync();
        using var folders = new CliFolders();
        mock.EnqueueTextChunks(["Hel", "lo ", "world."]);
        mock.SeedHome(folders.Home);
        var payloadPath = WritePayload(folders.Auth);
        var arguments = Wire.StreamJsonArguments.Append("--include-partial-messages");

        await using var cli = CliProcess.Start(arguments, folders.Work, SdkEnvironment(mock, folders.Home, payloadPath));
        try
        {
            await cli.SendAsync(Wire.Initialize("init1"));
            await cli.WaitForLineAsync(m => Frames.IsControlResponseFor(m, "init1"), "initialize response");
            await cli.SendAsync(Frames.UserText("Say hello."));
            var result = await cli.WaitForLineAsync(m => Frames.Is(m, "result"), "result");
            Assert.Equal("success", (string?)result.Message!["subtype"]);
            Assert.Equal("Hello world.", (string?)result.Message["result"]);

            var deltas = cli.Received
                .Select(line => line.Message)
                .Where(m => m is not null && Frames.Is(m, "stream_event") && (string?)m["event"]?["delta"]?["type"] == "text_delta")
                .Select(m => (string?)m!["event"]!["delta"]!["text"])
                .ToList();
            Assert.Equal(["Hel", "lo ", "world."], deltas);
        }
        finally
        {
            output.WriteLine(cli.Diagnostics());
        }
    }

    private static Dictionary<string, string> SdkEnvironment(QoderBackendMock mock, string home, string payloadPath) => new()
    {
        ["HOME"] = home,
        ["QODER_AGENT_SDK_ENTRYPOINT"] = "sdk-dotnet",
        ["QODER_SDK_AUTH_PAYLOAD_FILE"] = payloadPath,
        [QoderBackendMock.CenterEndpointVariable] = mock.Origin,
    };

    // Same shape and modes as the SDK's payload: directory 0700, file 0600, compact JSON.
    private static string WritePayload(string directory)
    {
        var path = Path.Combine(directory, "payload.json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(new JsonObject { ["type"] = "accessToken", ["accessToken"] = FakePat }.ToJsonString());
        }

        return path;
    }
}
