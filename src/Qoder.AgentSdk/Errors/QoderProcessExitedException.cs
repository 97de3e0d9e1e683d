namespace Qoder.AgentSdk;

/// <summary>The CLI process ended (or could not start) while the client still needed it.</summary>
public sealed class QoderProcessExitedException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderProcessExitedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="exitCode">The exit code, when the process exited.</param>
    /// <param name="stderrTail">The last characters the process wrote to stderr.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QoderProcessExitedException(string message, int? exitCode, string stderrTail, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    /// <summary>Gets the exit code, or <see langword="null"/> when the process never started.</summary>
    public int? ExitCode { get; }

    /// <summary>Gets the last characters (at most 8,192) the process wrote to stderr.</summary>
    public string StderrTail { get; }
}
