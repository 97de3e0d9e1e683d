using ModelContextProtocol.Server;

namespace Qoder.AgentSdk;

/// <summary>
/// An in-process MCP server: tools that run in this host, offered to the agent through the control channel
/// (<c>mcp_message</c>) rather than a separate process. Register it in <see cref="QoderAgentOptions.SdkMcpServers"/>
/// under its name; the agent sees each tool as <c>mcp__&lt;name&gt;__&lt;tool&gt;</c>. Each client serves its own session
/// of the server with the stock MCP server of the ModelContextProtocol SDK, so <c>initialize</c>, <c>tools/list</c>,
/// <c>tools/call</c>, <c>ping</c> and JSON-RPC errors behave as in any MCP server.
/// </summary>
public sealed class QoderSdkMcpServer
{
    /// <summary>Gets or sets the version reported in <c>serverInfo</c>.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Gets or sets instructions for the model, reported on <c>initialize</c>.</summary>
    public string? Instructions { get; set; }

    /// <summary>
    /// Gets the tools, typically from <see cref="McpServerTool.Create(Delegate, McpServerToolCreateOptions?)"/>. An exception
    /// thrown by a tool becomes an <c>isError</c> result carrying the exception's message.
    /// </summary>
    public IList<McpServerTool> Tools { get; } = [];

    /// <summary>
    /// Gets the per-tool permission policies and overrides: a <see cref="QoderMcpToolPolicy.PermissionPolicy"/> becomes a
    /// settings rule, <see cref="QoderMcpToolPolicy.ExposedName"/>/<see cref="QoderMcpToolPolicy.AlwaysLoad"/> go to
    /// <c>initialize.sdkMcpToolOverrides</c>.
    /// </summary>
    public IList<QoderMcpToolPolicy> ToolPolicies { get; } = [];

    /// <summary>
    /// Gets or sets the services tool parameters are resolved from (one scope per call when the provider supports
    /// scopes). A host sets this per run to give tools scoped services.
    /// </summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>Adds a tool made from a delegate: its parameters become the JSON schema, and parameters that are services come from <see cref="Services"/>.</summary>
    /// <param name="method">The method; a <see cref="CancellationToken"/> parameter receives the call's token.</param>
    /// <param name="name">The tool name (the method name in snake_case by default).</param>
    /// <param name="description">What the tool does, for the model.</param>
    /// <param name="readOnly">Whether the tool changes nothing (the CLI may then run it concurrently).</param>
    /// <returns>This server.</returns>
    public QoderSdkMcpServer AddTool(Delegate method, string? name = null, string? description = null, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(method);
        Tools.Add(McpServerTool.Create(method, new McpServerToolCreateOptions
        {
            Name = name,
            Description = description,
            ReadOnly = readOnly ? true : null,
            Services = Services,
        }));
        return this;
    }

    internal QoderSdkMcpServer Clone()
    {
        var copy = new QoderSdkMcpServer { Version = Version, Instructions = Instructions, Services = Services };
        foreach (var tool in Tools)
        {
            copy.Tools.Add(tool);
        }

        foreach (var policy in ToolPolicies)
        {
            copy.ToolPolicies.Add(policy.Clone());
        }

        return copy;
    }
}
