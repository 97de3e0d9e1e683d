namespace Qoder.AgentSdk;

/// <summary>How the CLI treats calls of one MCP tool, whatever the permission mode (<see cref="QoderMcpToolPolicy.PermissionPolicy"/>).</summary>
public enum QoderMcpToolPermissionPolicy
{
    /// <summary>Run without asking (a <c>permissions.allow</c> rule).</summary>
    AlwaysAllow,

    /// <summary>Always ask (a <c>permissions.ask</c> rule).</summary>
    AlwaysAsk,

    /// <summary>Never run (a <c>permissions.deny</c> rule).</summary>
    AlwaysDeny,
}
