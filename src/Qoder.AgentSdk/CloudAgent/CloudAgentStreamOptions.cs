namespace Qoder.AgentSdk.CloudAgent;

/// <summary>Replay and delta options of a Cloud session's event stream.</summary>
public sealed record CloudAgentStreamOptions
{
    /// <summary>Gets the event id to replay after (<c>after_id</c>); later reconnects use the last id received.</summary>
    public string? AfterId { get; init; }

    /// <summary>Gets how often the server flushes text deltas (<c>delta_flush_interval_ms</c>).</summary>
    public TimeSpan? DeltaFlushInterval { get; init; }
}
