using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk;

/// <summary>Source-generated log messages of the client. Secrets (the PAT) are never logged; prompts are never logged here.</summary>
internal static partial class SdkLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "qodercli not found; installing {Package} with npm into {Directory}")]
    public static partial void InstallingCli(ILogger logger, string package, string directory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Installed {Package} at {CliPath}")]
    public static partial void InstalledCli(ILogger logger, string package, string cliPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Starting {FileName} with {ArgumentCount} arguments in {WorkingDirectory}")]
    public static partial void Starting(ILogger logger, string fileName, int argumentCount, string workingDirectory);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "qodercli started (pid {ProcessId})")]
    public static partial void Started(ILogger logger, int processId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "qodercli (pid {ProcessId}) exited with code {ExitCode}")]
    public static partial void Exited(ILogger logger, int processId, int exitCode);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "qodercli (pid {ProcessId}) did not exit within {GracePeriod} after {Step}; escalating")]
    public static partial void Escalating(ILogger logger, int processId, TimeSpan gracePeriod, string step);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Session {SessionId} initialized with qodercli {CliVersion} (protocol {ProtocolVersion})")]
    public static partial void Initialized(ILogger logger, string? sessionId, string? cliVersion, string? protocolVersion);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "qodercli protocol {ProtocolVersion} is older than {Supported}; continuing")]
    public static partial void OlderProtocol(ILogger logger, string protocolVersion, string supported);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug, Message = "Control request {Subtype} ({RequestId}) sent")]
    public static partial void ControlRequestSent(ILogger logger, string subtype, string requestId);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Debug, Message = "Control request {Subtype} ({RequestId}) received from the CLI")]
    public static partial void ControlRequestReceived(ILogger logger, string subtype, string requestId);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Warning, Message = "Handler for {Subtype} ({RequestId}) failed; answering the CLI with a denial or an error")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string subtype, string requestId);

    [LoggerMessage(EventId = 1033, Level = LogLevel.Debug, Message = "Handler for {Subtype} ({RequestId}) started before the consumer took the messages read before it (waited {Bound})")]
    public static partial void HandlerStartedOutOfOrder(ILogger logger, string subtype, string requestId, TimeSpan bound);

    [LoggerMessage(EventId = 1034, Level = LogLevel.Warning, Message = "In-process MCP tool {Tool} failed; the model is told only that the host's callback failed")]
    public static partial void ToolFailed(ILogger logger, Exception exception, string tool);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Turn cancelled by the caller; interrupting")]
    public static partial void CancellingTurn(ILogger logger);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Warning, Message = "The turn did not end within {GracePeriod} after the interrupt; killing qodercli")]
    public static partial void InterruptTimedOut(ILogger logger, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 1050, Level = LogLevel.Warning, Message = "qodercli stdout ended with an error")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1052, Level = LogLevel.Warning, Message = "Skipped a qodercli stdout line that is not JSON ({Length} bytes): {Excerpt}")]
    public static partial void SkippedLine(ILogger logger, int length, string excerpt);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Warning, Message = "The Stderr callback in QoderAgentOptions threw; stderr is still drained")]
    public static partial void StderrCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1053, Level = LogLevel.Warning, Message = "The OnAuthExpired callback in QoderAgentOptions threw")]
    public static partial void AuthExpiredCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1054, Level = LogLevel.Warning, Message = "The {Callback} result callback in QoderAgentOptions threw")]
    public static partial void ResultCallbackFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(EventId = 1055, Level = LogLevel.Debug, Message = "{Subtype} before closing stdin failed")]
    public static partial void FlushBeforeEndFailed(ILogger logger, Exception exception, string subtype);
}
