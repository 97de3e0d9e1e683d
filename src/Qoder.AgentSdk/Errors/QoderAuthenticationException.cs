namespace Qoder.AgentSdk;

/// <summary>The CLI could not authenticate (missing, invalid, rejected or expired credentials). Never retried.</summary>
public sealed class QoderAuthenticationException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderAuthenticationException"/> class.</summary>
    /// <param name="message">What failed and how to fix it. Never contains the token.</param>
    /// <param name="terminalReason">The CLI's <c>terminal_reason</c>, such as <c>access_token_invalid</c>.</param>
    /// <param name="exitCode">The CLI exit code (41 for authentication failures), if it exited.</param>
    public QoderAuthenticationException(string message, string? terminalReason = null, int? exitCode = null)
        : base(message)
    {
        TerminalReason = terminalReason;
        ExitCode = exitCode;
    }

    /// <summary>Gets the CLI's <c>terminal_reason</c>, if it gave one.</summary>
    public string? TerminalReason { get; }

    /// <summary>Gets the CLI exit code, if it exited.</summary>
    public int? ExitCode { get; }
}
