using Microsoft.Extensions.DependencyInjection;

namespace Qoder.Extensions.Hosting;

/// <summary>The builder returned by <c>AddQoderAgent</c>.</summary>
internal sealed class QoderAgentBuilder : IQoderAgentBuilder
{
    public QoderAgentBuilder(string name, IServiceCollection services, QoderAgentRegistration registration)
    {
        Name = name;
        Services = services;
        Registration = registration;
    }

    public string Name { get; }

    public IServiceCollection Services { get; }

    public QoderAgentRegistration Registration { get; }
}
