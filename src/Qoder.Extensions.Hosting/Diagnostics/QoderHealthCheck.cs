using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qoder.Extensions.Hosting.Pooling;

namespace Qoder.Extensions.Hosting.Diagnostics;

/// <summary>Reports the pool: healthy when warm, degraded while warming, unhealthy when restarts are exhausted.</summary>
internal sealed class QoderHealthCheck : IHealthCheck
{
    private readonly QoderProcessPool _pool;

    public QoderHealthCheck(QoderProcessPool pool)
    {
        _pool = pool;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var init = _pool.LastInit;
        var snapshot = _pool.Snapshot();
        var idle = snapshot.Idle;
        var busy = snapshot.Busy;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["idle"] = idle,
            ["busy"] = busy,
            ["starting"] = snapshot.Starting,
            ["pending"] = snapshot.Pending,
            ["maxSize"] = _pool.Options.Pool.MaxSize,
            ["cliVersion"] = init?.QodercliVersion ?? "unknown",
            ["protocolVersion"] = init?.ProtocolVersion ?? "unknown",
        };
        HealthCheckResult result;
        if (_pool.CliNotFound is { } notFound && idle + busy == 0)
        {
            // The locator's message names where it looked and the pinned install command.
            result = new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, $"{notFound.Message} (key: {_pool.Section}:Agent:CliPath; docs/deployment.md).", data: data);
        }
        else if (snapshot.RestartBudgetExhausted)
        {
            result = new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, $"qodercli keeps failing to start or crashing; restarts are paused ({_pool.Section}:Pool:RestartBudget).", data: data);
        }
        else if (idle + busy >= _pool.Options.Pool.MinIdle)
        {
            result = HealthCheckResult.Healthy($"qodercli {init?.QodercliVersion ?? "(not started yet)"}: {idle} idle, {busy} busy.", data);
        }
        else
        {
            result = HealthCheckResult.Degraded($"Warming up: {idle} of {_pool.Options.Pool.MinIdle} processes ready.", data: data);
        }

        return Task.FromResult(result);
    }
}
