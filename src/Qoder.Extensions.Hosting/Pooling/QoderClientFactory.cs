using Microsoft.Extensions.Logging;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>Creates real <see cref="QoderClient"/> processes.</summary>
internal sealed class QoderClientFactory : IQoderClientFactory
{
    private readonly ILoggerFactory _loggerFactory;

    public QoderClientFactory(ILoggerFactory? loggerFactory = null)
    {
        _loggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
    }

    public IPooledClient Create(QoderAgentOptions options) => new PooledClient(options, _loggerFactory);
}
