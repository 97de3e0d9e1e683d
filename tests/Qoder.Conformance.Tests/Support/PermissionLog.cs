using System.Collections.Concurrent;

namespace Qoder.Conformance.Tests;

/// <summary>A <see cref="QoderAgentOptions.CanUseTool"/> callback that records each prompt and answers with a policy.</summary>
public sealed class PermissionLog
{
    private readonly Func<QoderToolPermissionRequest, CancellationToken, Task<QoderToolPermissionResult>> _decide;
    private readonly TaskCompletionSource<QoderToolPermissionRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _withdrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PermissionLog(Func<QoderToolPermissionRequest, CancellationToken, Task<QoderToolPermissionResult>> decide) => _decide = decide;

    public ConcurrentQueue<QoderToolPermissionRequest> Requests { get; } = new();

    /// <summary>Completes when the first prompt arrives.</summary>
    public Task<QoderToolPermissionRequest> FirstRequest => _first.Task;

    /// <summary>Completes when the client cancelled a pending prompt's callback (the CLI sent <c>control_cancel_request</c>).</summary>
    public Task Withdrawn => _withdrawn.Task;

    public static PermissionLog AllowAll() => new((request, _) => Task.FromResult(QoderToolPermissionResult.Allow(request.Input)));

    /// <summary>Never answers: the prompt stays pending until the CLI withdraws it or <paramref name="release"/> completes.</summary>
    public static PermissionLog Pending(Task release)
    {
        PermissionLog? log = null;
        log = new PermissionLog(async (_, cancellationToken) =>
        {
            try
            {
                await release.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                log!._withdrawn.TrySetResult();
                throw;
            }

            return QoderToolPermissionResult.Deny("released by the test");
        });
        return log;
    }

    public async ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        _first.TrySetResult(request);
        return await _decide(request, cancellationToken);
    }
}
