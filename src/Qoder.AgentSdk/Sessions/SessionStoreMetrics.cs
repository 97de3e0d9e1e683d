using System.Diagnostics.Metrics;

namespace Qoder.AgentSdk.Sessions;

/// <summary>The SDK's meter; one per process, as the SDK has no dependency injection of its own.</summary>
internal static class SessionStoreMetrics
{
    private static readonly Meter Meter = new(QoderSessionStoreTelemetry.MeterName);

    private static readonly Counter<long> AppendFailures = Meter.CreateCounter<long>(
        QoderSessionStoreTelemetry.AppendFailuresInstrument, unit: "{batch}", description: "Mirrored transcript batches the session store did not take.");

    public static void AppendFailed(string kind) => AppendFailures.Add(1, new KeyValuePair<string, object?>(QoderSessionStoreTelemetry.FailureTag, kind));
}
