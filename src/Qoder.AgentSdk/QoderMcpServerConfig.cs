namespace Qoder.AgentSdk;

/// <summary>
/// An external MCP server the CLI starts or connects to (passed with <c>--mcp-config</c>). The collections are
/// <see langword="null"/> until set; an empty one is passed as empty (<c>[]</c>, <c>{}</c>), as the official SDK passes it.
/// </summary>
public sealed class QoderMcpServerConfig
{
    /// <summary>Gets or sets the transport: <c>stdio</c> (default when <see cref="Command"/> is set), <c>sse</c> or <c>http</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the command of a stdio server.</summary>
    public string? Command { get; set; }

    /// <summary>Gets or sets the arguments of a stdio server.</summary>
    public IList<string>? Args { get; set; }

    /// <summary>Gets or sets the environment of a stdio server.</summary>
    public IDictionary<string, string>? Env { get; set; }

    /// <summary>Gets or sets the URL of an sse or http server.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the HTTP headers of an sse or http server.</summary>
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the per-call tool timeout in milliseconds (the CLI ignores values below 1000).</summary>
    public int? Timeout { get; set; }

    /// <summary>Gets the per-tool permission policies and overrides (see <see cref="QoderMcpToolPolicy"/>).</summary>
    public IList<QoderMcpToolPolicy> ToolPolicies { get; } = [];

    internal QoderMcpServerConfig Clone()
    {
        var copy = new QoderMcpServerConfig
        {
            Type = Type,
            Command = Command,
            Args = Args is null ? null : [.. Args],
            Env = Env is null ? null : new Dictionary<string, string>(Env, StringComparer.Ordinal),
            Url = Url,
            Headers = Headers is null ? null : new Dictionary<string, string>(Headers, StringComparer.Ordinal),
            Timeout = Timeout,
        };
        foreach (var policy in ToolPolicies)
        {
            copy.ToolPolicies.Add(policy.Clone());
        }

        return copy;
    }
}
