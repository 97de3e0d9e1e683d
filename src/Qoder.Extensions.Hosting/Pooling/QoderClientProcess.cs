using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The real process: a <see cref="QoderClient"/>.</summary>
internal sealed class QoderClientProcess : IQoderProcess
{
    private readonly QoderClient _client;

    public QoderClientProcess(QoderAgentOptions options, ILoggerFactory loggerFactory)
    {
        _client = new QoderClient(options, loggerFactory);
    }

    public int? ProcessId => _client.ProcessId;

    public bool IsConnected => _client.IsConnected;

    public Task Completion => _client.Completion;

    public string? SessionId => _client.SessionId;

    public SystemInitMessage? InitMessage => _client.InitMessage;

    public Task ConnectAsync(CancellationToken cancellationToken) => _client.ConnectAsync(cancellationToken);

    public Task<string> SendAsync(string prompt, CancellationToken cancellationToken) => _client.SendAsync(prompt, cancellationToken);

    public IAsyncEnumerable<QoderMessage> ReceiveResponseAsync(CancellationToken cancellationToken) => _client.ReceiveResponseAsync(cancellationToken);

    public Task InterruptAsync(CancellationToken cancellationToken) => _client.InterruptAsync(cancellationToken);

    public Task SetModelAsync(string? model, CancellationToken cancellationToken) => _client.SetModelAsync(model, cancellationToken);

    public Task SetPermissionModeAsync(QoderPermissionMode mode, CancellationToken cancellationToken) => _client.SetPermissionModeAsync(mode, cancellationToken);

    public void Kill() => _client.Abort();

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
