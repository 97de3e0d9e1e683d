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

    public ControlRequestRejectedException()
    {
    }

    public ControlRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
