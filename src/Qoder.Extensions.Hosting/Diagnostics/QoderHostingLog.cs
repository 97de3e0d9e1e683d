using Microsoft.Extensions.Logging;

namespace Qoder.Extensions.Hosting.Diagnostics;

/// <summary>Every log the hosting layer writes. Event ids are stable; prompts only with LogSensitiveData; tokens never.</summary>
internal static partial class QoderHostingLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Qoder agent {Agent}: warming the pool to {MinIdle} process(es), at most {MaxSize}.")]
    public static partial void WarmingUp(ILogger logger, string agent, int minIdle, int maxSize);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Qoder agent {Agent}: started process {ProcessId} in {ElapsedMs} ms.")]
    public static partial void ProcessStarted(ILogger logger, string agent, int? processId, long elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: a process failed to start.")]
    public static partial void ProcessStartFailed(ILogger logger, Exception exception, string agent);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: idle process {ProcessId} exited; replacing it.")]
    public static partial void IdleProcessExited(ILogger logger, string agent, int? processId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Qoder agent {Agent}: {Failures} process failures within {Window}; background restarts pause until the window clears (Qoder:Pool:RestartBudget, Qoder:Pool:RestartWindow).")]
    public static partial void RestartBudgetExhausted(ILogger logger, string agent, int failures, TimeSpan window);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Qoder agent {Agent}: retiring process {ProcessId} ({Reason}).")]
    public static partial void Retiring(ILogger logger, string agent, int? processId, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: a caller waited {AcquireTimeout} for a process and gave up ({Busy} busy of {MaxSize}).")]
    public static partial void AcquireTimedOut(ILogger logger, string agent, TimeSpan acquireTimeout, int busy, int maxSize);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Qoder agent {Agent}: draining {Busy} leased process(es) before stop.")]
    public static partial void Draining(ILogger logger, string agent, int busy);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: shutdown timeout reached; killing {Count} process tree(s) still leased or stopping.")]
    public static partial void KillingLeased(ILogger logger, string agent, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: disposing process {ProcessId} failed.")]
    public static partial void DisposeFailed(ILogger logger, Exception exception, string agent, int? processId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Qoder agent {Agent}: options changed; recycling idle processes.")]
    public static partial void OptionsChanged(ILogger logger, string agent);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: the reloaded configuration is invalid and was ignored; the last valid options stay in force. {Failures}")]
    public static partial void ReloadRejected(ILogger logger, string agent, string failures);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Qoder agent {Agent}: run started (session {SessionId}).")]
    public static partial void RunStarted(ILogger logger, string agent, string? sessionId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Trace, Message = "Qoder agent {Agent}: prompt: {Prompt}")]
    public static partial void Prompt(ILogger logger, string agent, string prompt);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Qoder agent {Agent}: run finished with {Subtype} in {ElapsedMs} ms (session {SessionId}, {InputTokens} in / {OutputTokens} out).")]
    public static partial void RunFinished(ILogger logger, string agent, string subtype, long elapsedMs, string? sessionId, long? inputTokens, long? outputTokens);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: attempt {Attempt} failed without side effects; retrying.")]
    public static partial void Retrying(ILogger logger, Exception? exception, string agent, int attempt);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Qoder agent {Agent}: run failed.")]
    public static partial void RunFailed(ILogger logger, Exception exception, string agent);
}
