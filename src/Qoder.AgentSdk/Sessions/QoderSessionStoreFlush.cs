namespace Qoder.AgentSdk.Sessions;

/// <summary>When the client hands mirrored transcript entries to the <see cref="IQoderSessionStore"/>.</summary>
public enum QoderSessionStoreFlush
{
    /// <summary>
    /// Entries are collected per transcript and appended when a transcript has 500 entries or 1 MiB waiting, and before
    /// every result is passed on: few store calls, and a turn's entries are stored before its result is seen.
    /// </summary>
    Batched,

    /// <summary>Every mirror frame is appended as soon as it arrives: more store calls, the least to lose in a crash.</summary>
    Eager,
}
