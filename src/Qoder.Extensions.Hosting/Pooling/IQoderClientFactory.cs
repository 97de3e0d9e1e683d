using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Pooling;

/// <summary>Creates (unconnected) CLI processes; replaced by a fake in pool-logic tests.</summary>
internal interface IQoderClientFactory
{
    IPooledClient Create(QoderAgentOptions options);
}
