using Qoder.AgentSdk.Transport;
using Qoder.RealCli.Testing;

namespace Qoder.AgentSdk.Tests.RealCli;

/// <summary>Installs the pinned qodercli from npm into the cache when absent, and builds offline options for both routes.</summary>
public sealed class RealCliFixture : IAsyncLifetime
{
    /// <summary>A hang guard for every await on the real CLI (a start takes 5–11 s here); not a speed assertion.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public string CliPath { get; private set; } = string.Empty;

    public async Task InitializeAsync() => CliPath = await QoderCliInstaller.EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Route A in a run's folders.</summary>
    public QoderAgentOptions RouteA(RealCliFolders run, FakeResponsesScript script) => RouteA(run.Home, run.Work, script);

    /// <summary>Route B in a run's folders.</summary>
    public QoderAgentOptions RouteB(RealCliFolders run, QoderBackendMock mock, string pat) => RouteB(run.Home, run.Work, mock, pat);

    /// <summary>Route A: headless, external auth accepted, the model replaced by a scripted file.</summary>
    public QoderAgentOptions RouteA(string home, string work, FakeResponsesScript script)
    {
        var scriptPath = Path.Combine(home, "fake-responses.jsonl");
        script.WriteTo(scriptPath);
        var options = Base(home, work);
        options.Auth = QoderAuth.Headless();
        options.Settings = FakeResponsesScript.UseExternalAuthSettingsJson;
        options.ExtraArgs["fake-responses"] = scriptPath;
        return options;
    }

    /// <summary>Route B: SDK mode with a PAT in the auth payload file, against the local backend mock.</summary>
    public QoderAgentOptions RouteB(string home, string work, QoderBackendMock mock, string pat)
    {
        mock.SeedHome(home);
        var options = Base(home, work);
        options.Auth = QoderAuth.AccessToken(pat);
        options.Environment[QoderBackendMock.CenterEndpointVariable] = mock.Origin;
        return options;
    }

    private QoderAgentOptions Base(string home, string work)
    {
        var options = new QoderAgentOptions
        {
            CliPath = CliPath,
            AutoInstallCli = false,
            WorkingDirectory = work,
            ShutdownGracePeriod = TimeSpan.FromMilliseconds(500),
            KillGracePeriod = TimeSpan.FromMilliseconds(500),
            InterruptGracePeriod = TimeSpan.FromSeconds(10),
        };
        options.Environment["HOME"] = home;
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
        return options;
    }
}
