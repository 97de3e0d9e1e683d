using System.Diagnostics;

namespace Qoder.Extensions.Hosting.Diagnostics;

/// <summary>The one activity source of the hosting layer.</summary>
internal static class QoderActivitySource
{
    public static ActivitySource Instance { get; } = new(QoderTelemetry.ActivitySourceName);
}
