using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qoder.Extensions.Hosting.Diagnostics;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// Passes on the reloaded options of one agent when they are valid. An invalid reload is reported and ignored: the last
/// valid options stay in force, and the reload (a file watcher's thread, say) does not fail.
/// </summary>
internal static class ValidReloads
{
    public static IDisposable? Subscribe(IOptionsMonitor<QoderHostingOptions> options, string name, string section, ILogger logger, string displayName, Action<QoderHostingOptions> onValid)
    {
        // One reload can raise several change notifications: the same rejection is reported once.
        string? lastRejected = null;
        return options.OnChange((changed, changedName) =>
        {
            if ((changedName ?? Options.DefaultName) != name)
            {
                return;
            }

            var failures = string.Join(" ", QoderHostingOptionsValidator.Failures(changed, section));
            if (failures.Length > 0)
            {
                if (Interlocked.Exchange(ref lastRejected, failures) != failures)
                {
                    QoderHostingLog.ReloadRejected(logger, displayName, failures);
                }

                return;
            }

            lastRejected = null;
            onValid(changed);
        });
    }
}
