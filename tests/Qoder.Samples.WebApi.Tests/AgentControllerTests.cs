using Moq;
using Qoder.AgentSdk.Protocol;
using Qoder.Extensions.Hosting;
using Qoder.Samples.WebApi.Controllers;

namespace Qoder.Samples.WebApi.Tests;

/// <summary>
/// The controller against mocked agents: <see cref="IQoderAgent"/> is the seam the sample is written against, so the
/// mapping from a run to the response, and which agent serves which route, are checked without any CLI.
/// </summary>
public sealed class AgentControllerTests
{
    private readonly Mock<IQoderAgent> _agent = new(MockBehavior.Strict);
    private readonly Mock<IQoderAgent> _reviewer = new(MockBehavior.Strict);

    [Fact]
    public async Task Run_maps_the_agent_result_to_the_response_and_passes_the_callers_token()
    {
        using var cts = new CancellationTokenSource();
        var result = new ResultMessage
        {
            Type = "result",
            Subtype = "success",
            SessionId = "session-1",
            PermissionDenials = [new PermissionDenial { ToolName = "Bash" }, new PermissionDenial { ToolName = "Write" }],
        };
        _agent.Setup(a => a.RunAsync("Add a price endpoint.", null, cts.Token))
            .ReturnsAsync(new QoderRunResult("Added it.", result, [result]));
        var controller = new AgentController(_agent.Object, _reviewer.Object);

        var response = await controller.RunAsync(new AgentRequest("Add a price endpoint."), cts.Token);

        Assert.Equal("Added it.", response.Text);
        Assert.Equal("session-1", response.SessionId);
        Assert.Equal("success", response.Subtype);
        Assert.Equal(["Bash", "Write"], response.DeniedTools);
        _agent.VerifyAll();
        _reviewer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Review_runs_on_the_reviewer_agent_only()
    {
        var result = new ResultMessage { Type = "result", Subtype = "error_max_turns", IsError = true, SessionId = "session-2" };
        _reviewer.Setup(a => a.RunAsync("diff --git a/x b/x", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new QoderRunResult(string.Empty, result, [result]));
        var controller = new AgentController(_agent.Object, _reviewer.Object);

        var response = await controller.ReviewAsync(new AgentRequest("diff --git a/x b/x"), CancellationToken.None);

        Assert.Equal("error_max_turns", response.Subtype);
        Assert.Equal("session-2", response.SessionId);
        Assert.Empty(response.DeniedTools);
        _reviewer.VerifyAll();
        _agent.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_failing_agent_surfaces_to_the_caller()
    {
        _agent.Setup(a => a.RunAsync(It.IsAny<string>(), It.IsAny<QoderSessionOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("no process became free"));
        var controller = new AgentController(_agent.Object, _reviewer.Object);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => controller.RunAsync(new AgentRequest("hi"), CancellationToken.None));

        Assert.Equal("no process became free", error.Message);
    }
}
