namespace Qoder.AgentSdk.Sessions;

/// <summary>Names of the metrics the client reports about its session store.</summary>
public static class QoderSessionStoreTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name of the SDK.</summary>
    public const string MeterName = "Qoder.AgentSdk";

    /// <summary>
    /// Counter of mirrored batches the store did not take (an append that failed or timed out, or a mirror frame that names
    /// no valid transcript). Tagged <c>qoder.session_store.failure</c>: <c>append_failed</c>, <c>timeout</c> or <c>invalid_frame</c>.
    /// </summary>
    public const string AppendFailuresInstrument = "qoder.session_store.append_failures";

    /// <summary>The tag naming the kind of failure on <see cref="AppendFailuresInstrument"/>.</summary>
    public const string FailureTag = "qoder.session_store.failure";
}
