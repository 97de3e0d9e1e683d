using Microsoft.Extensions.DependencyInjection;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>
/// The services in-process tools are called with: those of the current lease. Scopes "created" from it share the lease's
/// scope, so a tool sees the same scoped services as the permission handler and hooks of its session.
/// </summary>
internal sealed class LeaseServices : IKeyedServiceProvider, IServiceProviderIsService, IServiceScopeFactory
{
    private readonly LeaseScope _lease;
    private readonly IServiceProvider _root;

    public LeaseServices(LeaseScope lease, IServiceProvider root)
    {
        _lease = lease;
        _root = root;
    }

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(IServiceScopeFactory) || serviceType == typeof(IServiceProviderIsService))
        {
            return this;
        }

        return _lease.Services.GetService(serviceType);
    }

    public object? GetKeyedService(Type serviceType, object? serviceKey) =>
        _lease.Services is IKeyedServiceProvider keyed ? keyed.GetKeyedService(serviceType, serviceKey) : null;

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        GetKeyedService(serviceType, serviceKey) ?? throw new InvalidOperationException($"No service for type '{serviceType}' with key '{serviceKey}' has been registered.");

    public bool IsService(Type serviceType) =>
        serviceType == typeof(IServiceProvider) || _root.GetService<IServiceProviderIsService>()?.IsService(serviceType) == true;

    public IServiceScope CreateScope() => new SharedScope(this);

    private sealed class SharedScope(IServiceProvider services) : IServiceScope, IAsyncDisposable
    {
        public IServiceProvider ServiceProvider => services;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
