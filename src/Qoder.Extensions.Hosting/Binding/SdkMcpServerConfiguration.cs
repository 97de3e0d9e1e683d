using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>What configuration may set on a <see cref="QoderSdkMcpServer"/> (its tools and services are code).</summary>
internal sealed class SdkMcpServerConfiguration
{
    public string? Version { get; set; }

    public string? Instructions { get; set; }

    public List<McpToolPolicyConfiguration> ToolPolicies { get; } = [];

    public void ApplyTo(QoderSdkMcpServer server)
    {
        server.Version = Version ?? server.Version;
        server.Instructions = Instructions ?? server.Instructions;
        BindingMerge.Append(server.ToolPolicies, ToolPolicies.Select(p => p.ToPolicy()));
    }
}
