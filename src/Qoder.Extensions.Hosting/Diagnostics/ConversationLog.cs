using Microsoft.Extensions.Logging;

namespace Qoder.Extensions.Hosting.Diagnostics;

/// <summary>Log messages of <see cref="IQoderConversations"/> (category <c>Qoder.Extensions.Hosting.Conversations</c>). Ids 2301–2309.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Debug, Message = "Qoder agent {Agent}: conversation {ConversationId} started on process {ProcessId}.")]
    public static partial void Started(ILogger logger, string agent, string conversationId, int? processId);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Qoder agent {Agent}: conversation {ConversationId} evicted from its process ({Reason}); its next turn resumes it.")]
    public static partial void Evicted(ILogger logger, string agent, string conversationId, string reason);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Qoder agent {Agent}: conversation {ConversationId} resumed on process {ProcessId} from the {Source} transcript.")]
    public static partial void Resumed(ILogger logger, string agent, string conversationId, int? processId, string source);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Qoder agent {Agent}: conversation {ConversationId} not found (not open here, no local transcript, not in the session store).")]
    public static partial void NotFound(ILogger logger, string agent, string conversationId);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: a turn of conversation {ConversationId} was refused while another ran ({Policy}).")]
    public static partial void Busy(ILogger logger, string agent, string conversationId, QoderConversationConcurrency policy);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: the process {ProcessId} of idle conversation {ConversationId} exited; its next turn resumes it.")]
    public static partial void PinnedProcessExited(ILogger logger, string agent, string conversationId, int? processId);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Information, Message = "Qoder agent {Agent}: conversation {ConversationId} closed; its transcript is kept.")]
    public static partial void Closed(ILogger logger, string agent, string conversationId);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Information, Message = "Qoder agent {Agent}: conversation {ConversationId} deleted.")]
    public static partial void Deleted(ILogger logger, string agent, string conversationId);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: a turn of conversation {ConversationId} failed; its process is retired and the next turn resumes the conversation.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string agent, string conversationId);
}
