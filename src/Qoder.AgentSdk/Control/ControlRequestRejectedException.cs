namespace Qoder.AgentSdk.Control;

/// <summary>
/// The client itself cannot answer an inbound control request (an unknown hook callback, MCP server or subtype). Its
/// message is written by the client and safe, so unlike a host callback's exception it is sent to the CLI.
/// </summary>
internal sealed class ControlRequestRejectedException : InvalidOperationException
{
    public ControlRequestRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ControlRequestRejectedException"/> class with an error code for the CLI.</summary>
    /// <param name="code">The machine-readable code sent as the response's <c>code</c>, such as <c>job_token_unavailable</c>.</param>
    /// <param name="message">The text sent as the response's <c>error</c>.</param>
    public ControlRequestRejectedException(string? code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Gets the code sent to the CLI with the error, if any.</summary>
    public string? Code { get; }

    public ControlRequestRejectedException()
    {
    }

    public ControlRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
