using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;
using Qoder.AgentSdk.Input;
using Qoder.AgentSdk.Protocol;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>The real pooled process: a <see cref="QoderClient"/>.</summary>
internal sealed class PooledClient : IPooledClient
{
    private readonly QoderClient _client;

    public PooledClient(QoderAgentOptions options, ILoggerFactory loggerFactory)
    {
        _client = new QoderClient(options, loggerFactory);
    }

    public IQoderClient Client => _client;

    public int? ProcessId => _client.ProcessId;

    public bool IsConnected => _client.IsConnected;

    public Task Completion => _client.Completion;

    public SystemInitMessage? InitMessage => _client.InitMessage;

    public int? ExitCode => _client.ExitCode;

    public string StderrTail => _client.StderrTail;

    public Task ConnectAsync(CancellationToken cancellationToken) => _client.ConnectAsync(cancellationToken);

    public void DiscardBufferedMessages() => _client.DiscardBufferedMessages();

    public void Abort() => _client.Abort();

    public Task<string> SendAsync(QoderUserInput input, CancellationToken cancellationToken) => _client.SendAsync(input, cancellationToken);

    public void EndInput() => _client.EndInput();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    public Task FlushPendingWorkAsync() => _client.FlushPendingWorkAsync();
}
