namespace Qoder.AgentSdk;

/// <summary>
/// The CLI ended a turn without its result: it exited cleanly (or was stopped) after some messages but before the
/// <see cref="Protocol.ResultMessage"/>. Streams simply end in that case; this is raised where a result is required.
/// </summary>
public sealed class QoderTurnEndedWithoutResultException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderTurnEndedWithoutResultException"/> class.</summary>
    /// <param name="exitCode">The CLI's exit code, when it has exited.</param>
    /// <param name="stderrTail">The last characters the CLI wrote to stderr.</param>
    public QoderTurnEndedWithoutResultException(int? exitCode, string stderrTail)
        : base(Describe(exitCode, stderrTail))
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    /// <summary>Gets the exit code, or <see langword="null"/> when the process had not exited.</summary>
    public int? ExitCode { get; }

    /// <summary>Gets the last characters the process wrote to stderr.</summary>
    public string StderrTail { get; }

    private static string Describe(int? exitCode, string stderrTail)
    {
        var exit = exitCode is { } code ? $"exited with code {code}" : "stopped";
        var tail = stderrTail.TrimEnd();
        var lastLine = tail.Length == 0 ? null : tail[(tail.LastIndexOf('\n') + 1)..];
        return lastLine is null
            ? $"qodercli {exit} before the turn's result. Its stderr was empty; run with Debug enabled to see why it stopped."
            : $"qodercli {exit} before the turn's result. Its stderr ends with: {(lastLine.Length > 300 ? lastLine[..300] : lastLine)}";
    }
}
