namespace Qoder.AgentSdk;

/// <summary>The base of every error raised by the Qoder client.</summary>
public class QoderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="QoderException"/> class.</summary>
    public QoderException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="QoderException"/> class.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    public QoderException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="QoderException"/> class.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The cause.</param>
    public QoderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
