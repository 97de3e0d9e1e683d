using Xunit.Abstractions;

namespace Qoder.Conformance.Tests;

/// <summary>The conformance suite against the real CLI 1.1.52, headless with a <c>--fake-responses</c> model (route A).</summary>
[Trait("Category", "RealCli")]
public sealed class RouteAConformanceTests(ITestOutputHelper output) : ConformanceSuite(new RouteATarget(), output)
{
    /// <summary>Headless, the CLI has no token to reject: without a login it reports <c>authentication_failed</c> instead.</summary>
    [Fact]
    public override async Task Authentication_failure_throws_QoderAuthenticationException()
    {
        var options = await Target.CreateOptionsAsync(Run, ConformanceScript.Reply("unused"), rejectCredentials: true);
        var client = Track(new QoderClient(options));

        var error = await Assert.ThrowsAsync<QoderAuthenticationException>(() => client.ConnectAsync().WaitAsync(Guard));

        Assert.Equal("authentication_failed", error.TerminalReason);
        Assert.False(client.IsConnected);
    }
}
