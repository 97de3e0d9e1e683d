using Microsoft.Extensions.DependencyInjection;

namespace Qoder.Extensions.Hosting;

/// <summary>Configures one hosted agent registered with <c>AddQoderAgent</c>.</summary>
public interface IQoderAgentBuilder
{
    /// <summary>Gets the agent name (empty for the default agent; the service key otherwise).</summary>
    string Name { get; }

    /// <summary>Gets the services.</summary>
    IServiceCollection Services { get; }
}
