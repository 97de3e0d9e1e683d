using Qoder.RealCli.Testing;

namespace Qoder.Conformance.Tests;

/// <summary>Real CLI 1.1.52 in SDK mode (PAT in the auth payload file) against <see cref="QoderBackendMock"/> on 127.0.0.1.</summary>
public sealed class RouteBTarget : ConformanceTarget
{
    public const string FakePat = "pt-fake-conformance-route-b";

    public override string Name => "real CLI, route B";

    public override async Task<ConformanceRun> StartRunAsync()
    {
        var mock = await QoderBackendMock.StartAsync();
        var run = new RouteBRun(mock);
        run.Own(mock);
        mock.SeedHome(run.Home);
        return run;
    }

    public override async Task<QoderAgentOptions> CreateOptionsAsync(ConformanceRun run, ConformanceScript script, bool rejectCredentials = false)
    {
        ArgumentNullException.ThrowIfNull(script);
        var mock = ((RouteBRun)run).Mock;
        mock.RejectTokenExchange = rejectCredentials;
        foreach (var call in script.AllCalls)
        {
            if (call.ToolName is null)
            {
                mock.EnqueueTextChunks(call.TextChunks);
            }
            else
            {
                mock.EnqueueToolCall(call.ToolName, call.ToolInput!, call.LeadingText);
            }
        }

        var options = BaseOptions(run);
        options.CliPath = await RealCliInstall.GetCliPathAsync();
        options.Auth = QoderAuth.AccessToken(FakePat);
        options.Environment[QoderBackendMock.CenterEndpointVariable] = mock.Origin;
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
        return options;
    }

    private sealed class RouteBRun(QoderBackendMock mock) : ConformanceRun
    {
        public QoderBackendMock Mock { get; } = mock;
    }
}
