namespace Qoder.AgentSdk.Control;

/// <summary>
/// What the CLI (and so the model) is told when a host callback throws. The exception's own text stays in the host's
/// logs: it can hold connection strings or other secrets.
/// </summary>
internal static class HostCallbackError
{
    public const string Message = "The host's callback failed; see the host's logs.";
}
