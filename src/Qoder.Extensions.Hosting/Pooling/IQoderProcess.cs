using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>One CLI process as the pool sees it; the seam that lets pool logic be tested without processes.</summary>
internal interface IQoderProcess : IAsyncDisposable
{
    int? ProcessId { get; }

    bool IsConnected { get; }

    Task Completion { get; }

    string? SessionId { get; }

    SystemInitMessage? InitMessage { get; }

    Task ConnectAsync(CancellationToken cancellationToken);

    Task<string> SendAsync(string prompt, CancellationToken cancellationToken);

    IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken);

    Task InterruptAsync(CancellationToken cancellationToken);

    Task SetModelAsync(string? model, CancellationToken cancellationToken);

    Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken);

    /// <summary>Kills the process tree at once; used when the host's shutdown time is up.</summary>
    void Kill();
}
