namespace Qoder.AgentSdk;

/// <summary>The CLI answered a control request with an error.</summary>
public sealed class QoderControlRequestException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderControlRequestException"/> class.</summary>
    /// <param name="subtype">The control request.</param>
    /// <param name="error">The CLI's error text.</param>
    /// <param name="code">The CLI's error code, if any.</param>
    /// <param name="retryable">Whether the CLI marked the error retryable.</param>
    public QoderControlRequestException(string subtype, string error, string? code = null, bool retryable = false)
        : base($"The CLI rejected the control request \"{subtype}\": {error}")
    {
        Subtype = subtype;
        Error = error;
        Code = code;
        Retryable = retryable;
    }

    /// <summary>Gets the control request subtype.</summary>
    public string Subtype { get; }

    /// <summary>Gets the CLI's error text.</summary>
    public string Error { get; }

    /// <summary>Gets the CLI's error code, if any.</summary>
    public string? Code { get; }

    /// <summary>Gets a value indicating whether the CLI marked the error as retryable.</summary>
    public bool Retryable { get; }
}
