using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>
/// The lifecycle of one pooled CLI process; its conversation is <see cref="Client"/>. The seam that lets pool logic be
/// tested without processes. Sessions reach the CLI only through <see cref="Client"/>, so nothing the client learns to
/// do needs a change here.
/// </summary>
internal interface IPooledClient : IAsyncDisposable
{
    IQoderClient Client { get; }

    int? ProcessId { get; }

    bool IsConnected { get; }

    /// <summary>Gets a task that completes when the process has exited; it never faults.</summary>
    Task Completion { get; }

    SystemInitMessage? InitMessage { get; }

    int? ExitCode { get; }

    string StderrTail { get; }

    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Drops what the process wrote while it sat idle, so that a lease's first turn starts clean.</summary>
    void DiscardBufferedMessages();

    /// <summary>Kills the process tree at once; used when the host's shutdown time is up.</summary>
    void Abort();

    /// <summary>Sends a structured prompt as it is, under its own uuid (a conversation's resend after a crash is then deduplicated by the CLI).</summary>
    Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken);

    /// <summary>Closes stdin without waiting, so that the CLI completes its transcript and exits on its own.</summary>
    void EndInput();

    /// <summary>Waits for the memory generation and skill reviews finished turns started (see <see cref="QoderClient.FlushPendingWorkAsync"/>).</summary>
    Task FlushPendingWorkAsync();
}
