namespace Qoder.AgentSdk.Commands;

/// <summary>A one-shot CLI command failed; <see cref="Code"/> is the CLI's error code, such as <c>plugin_not_installed</c>.</summary>
public sealed class QoderCliCommandException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderCliCommandException"/> class.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public QoderCliCommandException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Gets the error code: the CLI's own, or <c>plugin_operation_failed</c>, <c>plugin_validation_failed</c>, <c>plugin_validation_unsupported</c>, <c>plugin_validation_protocol_error</c>, <c>plugin_validation_schema_unsupported</c>, <c>timeout</c>.</summary>
    public string Code { get; }
}
