using Qoder.AgentSdk;
using Qoder.RealCli.Testing;

namespace Qoder.FirstMessage.RouteB;

/// <summary>SDK mode with a fake access token against the local backend mock, in a HOME seeded with the mock's endpoint cache.</summary>
internal static class RouteB
{
    public static void Apply(QoderAgentOptions options, RecordingCliWrapper wrapper, QoderBackendMock mock, string home)
    {
        Directory.CreateDirectory(home);
        mock.SeedHome(home);
        options.CliPath = wrapper.ScriptPath;
        options.AutoInstallCli = false;
        options.Auth = QoderAuth.AccessToken("pt-fake-benchmark");
        options.Environment["HOME"] = home;
        options.Environment[QoderBackendMock.CenterEndpointVariable] = mock.Origin;
        options.Environment[QoderAuth.DefaultAccessTokenVariable] = null;
    }
}
