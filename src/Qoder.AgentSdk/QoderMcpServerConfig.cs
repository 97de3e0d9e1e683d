namespace Qoder.AgentSdk;

/// <summary>An external MCP server the CLI starts or connects to (passed with <c>--mcp-config</c>).</summary>
public sealed class QoderMcpServerConfig
{
    /// <summary>Gets or sets the transport: <c>stdio</c> (default when <see cref="Command"/> is set), <c>sse</c> or <c>http</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the command of a stdio server.</summary>
    public string? Command { get; set; }

    /// <summary>Gets the arguments of a stdio server.</summary>
    public IList<string> Args { get; } = [];

    /// <summary>Gets the environment of a stdio server.</summary>
    public IDictionary<string, string> Env { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the URL of an sse or http server.</summary>
    public string? Url { get; set; }

    /// <summary>Gets the HTTP headers of an sse or http server.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
