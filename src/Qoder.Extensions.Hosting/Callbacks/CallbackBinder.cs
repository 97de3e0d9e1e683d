using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Callbacks;

/// <summary>
/// Binds the permission callback, hooks and in-process tools of a process to be started to the DI scope of the
/// conversation it will serve. Processes are pre-warmed before any run exists, so the callbacks look the scope up when
/// they are called.
/// </summary>
internal sealed class CallbackBinder
{
    private readonly QoderAgentCallbacks _callbacks;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly Lazy<IReadOnlyList<(string Server, McpServerTool[] Tools)>> _tools;

    public CallbackBinder(QoderAgentCallbacks callbacks, IServiceProvider services, ILogger logger)
    {
        _callbacks = callbacks;
        _services = services;
        _logger = logger;
        _tools = new(() => [.. callbacks.Tools
            .GroupBy(t => t.Server, StringComparer.Ordinal)
            .Select(g => (g.Key, g.SelectMany(t => t.Create(services)).ToArray()))]);
    }

    /// <summary>Gets the options to start one process with, and the scope its callbacks run in.</summary>
    public (QoderAgentOptions Options, LeaseScope Lease) Bind(QoderAgentOptions options)
    {
        var lease = new LeaseScope(_services.GetRequiredService<IServiceScopeFactory>(), _logger);
        var perProcess = options.Clone();
        if (_callbacks.PermissionHandler is { } handlerType)
        {
            perProcess.CanUseTool = (request, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderToolPermissionHandler)services.GetRequiredService(state.HandlerType)).DecideAsync(state.Request, token),
                (HandlerType: handlerType, Request: request),
                cancellationToken);
        }

        if (_callbacks.ModelResolver is { } resolverType)
        {
            perProcess.ResolveModel = (context, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderModelResolver)services.GetRequiredService(state.ResolverType)).ResolveAsync(state.Context, token),
                (ResolverType: resolverType, Context: context),
                cancellationToken);
        }

        if (_callbacks.ElicitationHandler is { } elicitationType)
        {
            perProcess.OnElicitation = (request, cancellationToken) => lease.RunAsync(
                static (services, state, token) => ((IQoderElicitationHandler)services.GetRequiredService(state.HandlerType)).AnswerAsync(state.Request, token),
                (HandlerType: elicitationType, Request: request),
                cancellationToken);
        }

        FeatureGates.Bind(_callbacks, perProcess, lease);
        foreach (var hook in _callbacks.Hooks)
        {
            perProcess.Hooks.Add(hook.Event, hook.Matcher, hook.TimeoutSeconds, (input, cancellationToken) => lease.RunAsync(
                static (services, state, token) => state.Callback(services, state.Input, token),
                (hook.Callback, Input: input),
                cancellationToken));
        }

        if (_tools.Value.Count > 0)
        {
            var services = new LeaseServices(lease, _services);
            foreach (var (name, tools) in _tools.Value)
            {
                var server = new QoderSdkMcpServer { Services = services };
                foreach (var tool in tools)
                {
                    server.Tools.Add(tool);
                }

                perProcess.SdkMcpServers[name] = server;
            }
        }

        return (perProcess, lease);
    }
}
