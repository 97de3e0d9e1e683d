namespace Qoder.AgentSdk;

/// <summary>
/// An MCP server a subagent may use (<see cref="QoderAgentDefinition.McpServers"/>): either a server the main agent
/// already has, by name, or a server defined for the subagent only.
/// </summary>
public sealed class QoderAgentMcpServer
{
    private QoderAgentMcpServer(string name, QoderMcpServerConfig? config)
    {
        Name = name;
        Config = config;
    }

    /// <summary>Gets the server name.</summary>
    public string Name { get; }

    /// <summary>Gets the inline definition, or <see langword="null"/> for a reference to a server by name.</summary>
    public QoderMcpServerConfig? Config { get; }

    /// <summary>Refers to a server of the main agent by name.</summary>
    /// <param name="name">The server name.</param>
    /// <returns>The reference.</returns>
    public static QoderAgentMcpServer Reference(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(name, null);
    }

    /// <summary>Defines a server for the subagent only.</summary>
    /// <param name="name">The server name.</param>
    /// <param name="config">The server.</param>
    /// <returns>The definition.</returns>
    public static QoderAgentMcpServer Inline(string name, QoderMcpServerConfig config)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(config);
        return new(name, config);
    }

    internal QoderAgentMcpServer Clone() => new(Name, Config?.Clone());
}
