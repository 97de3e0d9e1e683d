using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Testing;
using Qoder.AgentSdk.Transport;
using Qoder.RealCli.Testing;

namespace Qoder.Reliability.Tests;

/// <summary>
/// Once the token is in the auth payload, no variable of the CLI's environment may hold it — whatever the variable is
/// called — because every tool the model runs inherits that environment. (The official TypeScript SDK keeps
/// <c>QODER_PERSONAL_ACCESS_TOKEN</c>; this client deliberately does not.)
/// </summary>
public sealed class ChildSecretTests : IDisposable
{
    private const string Token = "pt-child-secret-7d41c9e0b2a85f36";
    private readonly string _work = Directory.CreateTempSubdirectory("qoder-secret-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> Routes => ["token", "token-from-default-variable", "token-from-own-variable"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_cli_environment_holds_no_copy_of_the_token(string route)
    {
        var standIn = StandInLaunch.Prepare(QoderScenario.Create(), _work);
        var options = StandInOptions.For(standIn, _work, QoderAuth.Headless());

        // What a host's environment may hold: the official variable, the hosting configuration key, a copy under any
        // name, and the token inside a longer value.
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = Token;
        options.Environment["Qoder__PersonalAccessToken"] = Token;
        options.Environment["MY_APP_QODER_PAT"] = Token;
        options.Environment["MY_APP_AUTH_HEADER"] = "Bearer " + Token;
        options.Auth = route switch
        {
            "token" => QoderAuth.AccessToken(Token),
            "token-from-default-variable" => QoderAuth.AccessTokenFromEnv(),
            _ => QoderAuth.AccessTokenFromEnv("MY_APP_QODER_PAT"),
        };

        await using var client = new QoderClient(options);
        await client.ConnectAsync();

        var environment = ProcessTree.Environment(client.ProcessId!.Value);
        Assert.DoesNotContain(environment, entry => entry.Contains(Token, StringComparison.Ordinal));
        Assert.Contains(environment, entry => entry.StartsWith("QODER_SDK_AUTH_PAYLOAD_FILE=", StringComparison.Ordinal));
        Assert.Contains(environment, entry => entry.StartsWith("PATH=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_headless_cli_keeps_the_variable_it_authenticates_with()
    {
        var standIn = StandInLaunch.Prepare(QoderScenario.Create(), _work);
        var options = StandInOptions.For(standIn, _work, QoderAuth.Headless());

        options.Environment[QoderAuth.DefaultAccessTokenVariable] = Token;
        await using var client = new QoderClient(options);
        await client.ConnectAsync();

        Assert.Contains($"{QoderAuth.DefaultAccessTokenVariable}={Token}", ProcessTree.Environment(client.ProcessId!.Value));
    }

    [Fact]
    [Trait("Category", "RealCli")]
    public async Task A_Bash_tool_of_the_real_cli_in_sdk_mode_cannot_print_the_token()
    {
        var cliPath = await QoderCliInstaller.EnsureInstalledAsync();
        var home = Directory.CreateDirectory(Path.Combine(_work, "home")).FullName;
        var printed = Path.Combine(_work, "printed-env.txt");
        await using var mock = await QoderBackendMock.StartAsync();
        mock.SeedHome(home);
        mock.EnqueueToolCall("Bash", new { command = $"env > '{printed}'", description = "print the environment" });
        mock.EnqueueText("Printed.");
        var options = new QoderAgentOptions
        {
            CliPath = cliPath,
            AutoInstallCli = false,
            WorkingDirectory = _work,
            Auth = QoderAuth.AccessTokenFromEnv(),
            CanUseTool = (_, _) => ValueTask.FromResult(QoderToolPermissionResult.Allow()),
            ShutdownGracePeriod = TimeSpan.FromMilliseconds(500),
            KillGracePeriod = TimeSpan.FromMilliseconds(500),
        };
        options.Environment["HOME"] = home;
        options.Environment[QoderBackendMock.CenterEndpointVariable] = mock.Origin;
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = Token;
        options.Environment["MY_APP_QODER_PAT"] = Token;

        await using var client = new QoderClient(options);
        await client.ConnectAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(ProcessTree.Environment(client.ProcessId!.Value), entry => entry.Contains(Token, StringComparison.Ordinal));
        await client.SendAsync("Print your environment.");
        var messages = await client.ReceiveResponseAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("success", Assert.IsType<ResultMessage>(messages[^1]).Subtype);
        Assert.Equal([Token], mock.ReceivedPersonalTokens);
        var environment = await File.ReadAllTextAsync(printed);
        Assert.Contains("HOME=", environment, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, environment, StringComparison.Ordinal);
    }
}
