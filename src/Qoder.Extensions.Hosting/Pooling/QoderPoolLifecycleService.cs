using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>Warms every agent's pool at host start and drains it (then kills what is left) within the host's shutdown timeout.</summary>
internal sealed class QoderPoolLifecycleService : IHostedService
{
    private readonly List<QoderProcessPool> _pools;

    public QoderPoolLifecycleService(IServiceProvider services, IEnumerable<QoderAgentRegistration> registrations)
    {
        _pools = registrations.Select(r => services.GetRequiredKeyedService<QoderProcessPool>(r.Name)).ToList();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waits = new List<Task>();
        foreach (var pool in _pools)
        {
            var warm = pool.StartAsync();
            if (pool.Options.Pool.WaitForWarmUp)
            {
                waits.Add(warm.WaitAsync(cancellationToken));
            }
            else
            {
                // Failures are logged and counted by the pool; nobody awaits this task.
                _ = warm.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_pools.Select(p => p.StopAsync(cancellationToken)));
}
