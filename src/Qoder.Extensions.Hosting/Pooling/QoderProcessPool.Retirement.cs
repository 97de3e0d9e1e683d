using Qoder.Extensions.Hosting.Diagnostics;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// How processes leave the pool: retired (disposed in the background, graceful unless the shutdown deadline passed),
/// seen to exit while idle, or killed all at once when the host runs out of shutdown time.
/// </summary>
internal sealed partial class QoderProcessPool
{
    private void OnExited(PooledProcess process)
    {
        lock (_lock)
        {
            if (!_idle.Remove(process))
            {
                return;
            }

            QoderHostingLog.IdleProcessExited(_logger, DisplayName, process.Process.ProcessId);
            _metrics.Crashes.Add(1, _agentTag);
            RetireLocked(process, "crashed");
            RecordFailureLocked();
            Pump();
        }
    }

    private void RetireLocked(PooledProcess process, string reason, bool kill = true)
    {
        if (process.Retired)
        {
            return;
        }

        process.Retired = true;
        _total--;
        _metrics.Retired.Add(1, _agentTag, new(QoderTelemetry.ReasonAttribute, reason));
        QoderHostingLog.Retiring(_logger, DisplayName, process.Process.ProcessId, reason);
        _retiring.Add(process);
        if (_killOnRetire && kill)
        {
            // Past the shutdown deadline: no graceful sequence for what is retired from now on.
            process.Kill();
        }

        _background.Track(Task.Run(async () =>
        {
            try
            {
                await process.DisposeAsync(_time).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                QoderHostingLog.DisposeFailed(_logger, ex, DisplayName, process.Process.ProcessId);
            }
            finally
            {
                lock (_lock)
                {
                    _retiring.Remove(process);
                }
            }
        }));
    }

    /// <summary>Out of shutdown time: every leased and retiring tree is killed at once, side by side, outside the lock.</summary>
    private Task KillRemainingAsync()
    {
        List<PooledProcess> victims;
        lock (_lock)
        {
            _killOnRetire = true;
            var leased = _leased.ToList();
            QoderHostingLog.KillingLeased(_logger, DisplayName, leased.Count + _retiring.Count);
            foreach (var process in leased)
            {
                _leased.Remove(process);
                RetireLocked(process, "host-stopped", kill: false);
            }

            victims = [.. _retiring];
        }

        return PoolShutdown.KillAllAsync(victims);
    }

    private void CheckDrainedLocked()
    {
        if (_drained is not null && _leased.Count == 0 && _starting.Total == 0)
        {
            _drained.TrySetResult();
        }
    }
}
