using Microsoft.Extensions.DependencyInjection;

namespace Qoder.AgentSdk.Tests.Mcp;

/// <summary>The smallest container that lets the MCP SDK tell a service parameter from a JSON argument.</summary>
internal sealed class SingleServiceProvider(object service) : IServiceProvider, IServiceProviderIsService
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IServiceProviderIsService) ? this : serviceType.IsInstanceOfType(service) ? service : null;

    public bool IsService(Type serviceType) => serviceType.IsInstanceOfType(service);
}
