using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// Warms every agent's pool at host start and drains it (then kills what is left) within the host's shutdown timeout.
/// Stop begins at <see cref="IHostApplicationLifetime.ApplicationStopping"/> or <see cref="StoppingAsync"/>, whichever
/// comes first: hosted services registered after the agent stop before this one, and a lease they end then must not
/// start a replacement process that would only be killed.
/// </summary>
internal sealed class QoderPoolLifecycleService : IHostedLifecycleService, IDisposable
{
    private readonly List<QoderProcessPool> _pools;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly QoderHostStartup? _startup;
    private CancellationTokenRegistration _stopping;

    public QoderPoolLifecycleService(IServiceProvider services, IEnumerable<QoderAgentRegistration> registrations)
    {
        _pools = registrations.Select(r => services.GetRequiredKeyedService<QoderProcessPool>(r.Name)).ToList();
        _lifetime = services.GetService<IHostApplicationLifetime>();
        _startup = services.GetService<QoderHostStartup>();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host has validated the options by now (ValidateOnStart); from here on reloads are the pool's to check.
        _startup?.MarkStarted();
        if (_lifetime is not null)
        {
            _stopping = _lifetime.ApplicationStopping.Register(static state => ((QoderPoolLifecycleService)state!).BeginStop(), this);
        }

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

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        BeginStop();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_pools.Select(p => p.StopAsync(cancellationToken)));

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private void BeginStop()
    {
        foreach (var pool in _pools)
        {
            pool.BeginStop();
        }
    }
}
