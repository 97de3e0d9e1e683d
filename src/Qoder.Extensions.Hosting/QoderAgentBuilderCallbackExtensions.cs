using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Qoder.AgentSdk;
using Qoder.Extensions.Hosting;
using Qoder.Extensions.Hosting.Callbacks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Host callbacks from DI for an agent: the tool-permission handler, hooks and in-process tools. Each runs in the DI scope
/// of the run or session that triggers it (one scope per conversation, disposed when the session ends).
/// </summary>
public static class QoderAgentBuilderCallbackExtensions
{
    /// <summary>
    /// Decides every tool call the CLI asks about with <typeparamref name="THandler"/>, resolved from the session's scope.
    /// The CLI is then started with <c>--permission-prompt-tool stdio</c>; without a handler the permission mode decides.
    /// Replaces <see cref="QoderAgentOptions.CanUseTool"/>.
    /// </summary>
    /// <typeparam name="THandler">The handler, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddToolPermissionHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IQoderAgentBuilder builder)
        where THandler : class, IQoderToolPermissionHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<THandler>();
        QoderAgentCallbacks.For(builder).PermissionHandler = typeof(THandler);
        return builder;
    }

    /// <summary>Adds a hook whose callback gets the session's scoped services.</summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="hookEvent">The event.</param>
    /// <param name="matcher">For tool events a regular expression on the tool name (<c>Write|Bash</c>); <see langword="null"/> matches everything.</param>
    /// <param name="callback">The callback: the session's services, the input and a token cancelled when the call is withdrawn or the session ends.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the callback, in seconds (the CLI's default is 600).</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddHook(
        this IQoderAgentBuilder builder,
        QoderHookEvent hookEvent,
        string? matcher,
        Func<IServiceProvider, QoderHookInput, CancellationToken, ValueTask<QoderHookOutput?>> callback,
        int? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(callback);
        _ = new QoderHookMatcher(hookEvent, matcher, timeoutSeconds, [static (_, _) => ValueTask.FromResult<QoderHookOutput?>(null)]);
        QoderAgentCallbacks.For(builder).Hooks.Add(new HookRegistration(hookEvent, matcher, timeoutSeconds, callback));
        return builder;
    }

    /// <summary>Adds a hook handled by <typeparamref name="THandler"/>, resolved from the session's scope.</summary>
    /// <typeparam name="THandler">The handler, registered as scoped unless it is already registered.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <param name="hookEvent">The event.</param>
    /// <param name="matcher">For tool events a regular expression on the tool name; <see langword="null"/> matches everything.</param>
    /// <param name="timeoutSeconds">How long the CLI waits for the handler, in seconds.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IQoderAgentBuilder builder, QoderHookEvent hookEvent, string? matcher = null, int? timeoutSeconds = null)
        where THandler : class, IQoderHookHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddScoped<THandler>();
        return builder.AddHook(
            hookEvent,
            matcher,
            static (services, input, cancellationToken) => services.GetRequiredService<THandler>().HandleAsync(input, cancellationToken),
            timeoutSeconds);
    }

    /// <summary>
    /// Exposes a delegate as a tool of the in-process MCP server <paramref name="server"/> (the agent sees
    /// <c>mcp__&lt;server&gt;__&lt;name&gt;</c>). Parameters that are registered services come from the session's scope;
    /// the others form the tool's JSON schema. An exception becomes an <c>isError</c> result.
    /// </summary>
    /// <param name="builder">The agent builder.</param>
    /// <param name="server">The server name.</param>
    /// <param name="method">The method; a <see cref="CancellationToken"/> parameter receives the call's token.</param>
    /// <param name="name">The tool name (the method name in snake_case by default).</param>
    /// <param name="description">What the tool does, for the model (or a <c>[Description]</c> on the method).</param>
    /// <param name="readOnly">Whether the tool changes nothing.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddTool(this IQoderAgentBuilder builder, string server, Delegate method, string? name = null, string? description = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        ArgumentNullException.ThrowIfNull(method);
        QoderAgentCallbacks.For(builder).Tools.Add(new ToolRegistration(server, services =>
        [
            McpServerTool.Create(method, new McpServerToolCreateOptions
            {
                Name = name,
                Description = description,
                ReadOnly = readOnly ? true : null,
                Services = services,
            }),
        ]));
        return builder;
    }

    /// <summary>
    /// Exposes the methods of <typeparamref name="TTools"/> marked <see cref="McpServerToolAttribute"/> as tools of the
    /// in-process MCP server <paramref name="server"/>. An instance is resolved from the session's scope for each call
    /// (<typeparamref name="TTools"/> is registered as scoped unless it is already registered); method parameters that are
    /// services are injected too.
    /// </summary>
    /// <typeparam name="TTools">The class declaring the tools.</typeparam>
    /// <param name="builder">The agent builder.</param>
    /// <param name="server">The server name.</param>
    /// <returns>The builder.</returns>
    public static IQoderAgentBuilder AddTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TTools>(
        this IQoderAgentBuilder builder, string server)
        where TTools : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        var methods = typeof(TTools)
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null)
            .ToArray();
        if (methods.Length == 0)
        {
            throw new ArgumentException($"{typeof(TTools)} has no method marked [McpServerTool].", nameof(TTools));
        }

        builder.Services.TryAddScoped<TTools>();
        QoderAgentCallbacks.For(builder).Tools.Add(new ToolRegistration(server, services => methods.Select(method =>
        {
            var options = new McpServerToolCreateOptions { Services = services };
            return method.IsStatic
                ? McpServerTool.Create(method, target: null, options)
                : McpServerTool.Create(method, static (RequestContext<CallToolRequestParams> request) => request.Services!.GetRequiredService<TTools>(), options);
        })));
        return builder;
    }
}
