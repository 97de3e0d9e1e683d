using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting;

/// <summary>
/// A lease on one initialised <c>qodercli</c> process: one multi-turn conversation, with everything an
/// <see cref="IQoderClient"/> offers (typed control requests such as <c>GetMcpStatusAsync</c> included). Dispose it to
/// end the lease; the process goes back to the pool only if it never received a prompt, otherwise it is retired in the
/// background. Messages the process wrote while it sat idle in the pool are dropped before the first prompt.
/// </summary>
public interface IQoderSession : IQoderClient, IAsyncDisposable
{
    /// <summary>Gets the CLI's process id.</summary>
    int? ProcessId { get; }

    /// <summary>Gets the model the session runs with, when known.</summary>
    string? Model { get; }

    /// <summary>Gets the process's <c>system/init</c> message (tools, MCP servers, model, session id), as <see cref="QoderClient.InitMessage"/> gives it.</summary>
    SystemInitMessage? InitMessage { get; }

    /// <summary>Gets the last lines the CLI wrote to stderr, for diagnostics, as <see cref="QoderClient.StderrTail"/> gives them.</summary>
    string StderrTail { get; }
}
