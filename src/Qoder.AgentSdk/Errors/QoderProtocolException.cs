namespace Qoder.AgentSdk;

/// <summary>The CLI wrote something the protocol does not allow (a malformed or oversized line, an impossible frame).</summary>
public class QoderProtocolException : QoderException
{
    /// <summary>The longest part of an offending line kept in <see cref="OffendingLine"/>.</summary>
    public const int MaxOffendingLineLength = 512;

    /// <summary>Initializes a new instance of the <see cref="QoderProtocolException"/> class.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="offendingLine">The line, truncated to <see cref="MaxOffendingLineLength"/> characters.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QoderProtocolException(string message, string? offendingLine = null, Exception? innerException = null)
        : base(message, innerException)
    {
        OffendingLine = offendingLine is { Length: > MaxOffendingLineLength } ? offendingLine[..MaxOffendingLineLength] + "…" : offendingLine;
    }

    /// <summary>Gets the start of the offending line, if there was one.</summary>
    public string? OffendingLine { get; }
}
