using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of a <see cref="QoderMcpServerConfig"/> (entries of <c>Qoder:Agent:McpServers</c>).</summary>
internal sealed class McpServerConfiguration
{
    public string? Type { get; set; }

    public string? Command { get; set; }

    public List<string>? Args { get; set; }

    public Dictionary<string, string>? Env { get; set; }

    public string? Url { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    public int? Timeout { get; set; }

    public List<McpToolPolicyConfiguration> ToolPolicies { get; } = [];

    public void ApplyTo(QoderMcpServerConfig server)
    {
        server.Type = Type ?? server.Type;
        server.Command = Command ?? server.Command;
        server.Args = BindingMerge.Concat(server.Args, Args);
        server.Env = BindingMerge.Overlay(server.Env, Env);
        server.Url = Url ?? server.Url;
        server.Headers = BindingMerge.Overlay(server.Headers, Headers);
        server.Timeout = Timeout ?? server.Timeout;
        BindingMerge.Append(server.ToolPolicies, ToolPolicies.Select(p => p.ToPolicy()));
    }
}
