namespace Qoder.AgentSdk;

/// <summary>The CLI did not answer a control request in time.</summary>
public sealed class QoderControlTimeoutException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderControlTimeoutException"/> class.</summary>
    /// <param name="subtype">The control request, such as <c>initialize</c>.</param>
    /// <param name="timeout">How long the client waited.</param>
    public QoderControlTimeoutException(string subtype, TimeSpan timeout)
        : base($"The CLI did not answer the control request \"{subtype}\" within {timeout.TotalSeconds:0.###} s. Raise the matching timeout in QoderAgentOptions if the CLI is slow to start on this machine.")
    {
        Subtype = subtype;
        Timeout = timeout;
    }

    /// <summary>Gets the control request subtype.</summary>
    public string Subtype { get; }

    /// <summary>Gets how long the client waited.</summary>
    public TimeSpan Timeout { get; }
}
