using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Source-generated log messages of the session store integration (events 1100–1109). Entries are never logged.</summary>
internal static partial class SessionStoreLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Session store append of {EntryCount} entries for {SessionId} ({Subpath}) failed: {Reason}; the turn goes on")]
    public static partial void AppendFailed(ILogger logger, Exception? exception, int entryCount, string sessionId, string? subpath, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Ignored a transcript_mirror frame: {Reason}")]
    public static partial void InvalidFrame(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Materialised session {SessionId} ({EntryCount} entries, {SubkeyCount} subkeys) from the session store into a private config directory")]
    public static partial void Materialized(ILogger logger, string sessionId, int entryCount, int subkeyCount);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "The session store holds no session {SessionId}; resuming from the local transcript")]
    public static partial void NothingStored(ILogger logger, string? sessionId);
}
