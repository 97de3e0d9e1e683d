using Qoder.AgentSdk.Control;

namespace Qoder.AgentSdk.Tests.Control;

/// <summary>An inbound request's Cancel and Dispose race from any thread and never throw.</summary>
public sealed class InboundRequestTests
{
    [Fact]
    public void Cancel_after_dispose_is_a_no_op()
    {
        var request = new InboundRequest("req_1", "can_use_tool", CancellationToken.None);
        request.Dispose();

        request.Cancel();
        request.Dispose();

        Assert.False(request.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancel_returns_before_the_token_callbacks_run_so_a_slow_or_throwing_one_cannot_reach_the_read_loop()
    {
        using var request = new InboundRequest("req_1", "hook_callback", CancellationToken.None);
        using var returned = new ManualResetEventSlim();
        var sawReturn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        request.Token.Register(() => throw new InvalidOperationException("host callback broke"));
        request.Token.Register(() => sawReturn.TrySetResult(returned.Wait(TimeSpan.FromSeconds(30))));

        request.Cancel();
        returned.Set();

        Assert.True(request.Token.IsCancellationRequested);
        Assert.True(await sawReturn.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Stopping_the_session_cancels_the_token()
    {
        using var stopping = new CancellationTokenSource();
        using var request = new InboundRequest("req_1", "mcp_message", stopping.Token);

        stopping.Cancel();

        Assert.True(request.Token.IsCancellationRequested);
    }
}
