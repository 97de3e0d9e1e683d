namespace Qoder.AgentSdk;

/// <summary>How <c>EnableRemoteProjectionAsync</c> starts projecting the session's events to a remote session.</summary>
public sealed record QoderRemoteProjectionOptions
{
    /// <summary>Gets a value indicating whether to leave out the idle-state events sent when the projection starts.</summary>
    public bool SuppressInitialIdleStateEvents { get; init; }

    /// <summary>Gets a value indicating whether to skip sending the events that happened before the projection started.</summary>
    public bool SkipInitialFlush { get; init; }

    /// <summary>Gets the sequence number to resume from (positive), such as a checkpoint's last one; <see langword="null"/> to start afresh.</summary>
    public long? FromSequenceNumber { get; init; }
}
