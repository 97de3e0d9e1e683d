using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Tests.Conversations;

/// <summary>A permission callback that holds the turn until the test releases it.</summary>
internal sealed class HeldPermission
{
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Asked => _asked.Task;

    public void Release() => _released.TrySetResult();

    public async ValueTask<QoderToolPermissionResult> DecideAsync(QoderToolPermissionRequest request, CancellationToken cancellationToken)
    {
        _asked.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        return QoderToolPermissionResult.Allow();
    }
}
