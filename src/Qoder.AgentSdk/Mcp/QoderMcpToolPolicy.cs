namespace Qoder.AgentSdk;

/// <summary>
/// Per-tool settings of an MCP server (<see cref="QoderMcpServerConfig.ToolPolicies"/>, <see cref="QoderSdkMcpServer.ToolPolicies"/>).
/// A <see cref="PermissionPolicy"/> becomes a permission rule <c>mcp__&lt;server&gt;__&lt;tool&gt;</c> in the settings;
/// <see cref="ExposedName"/> and <see cref="AlwaysLoad"/> become the server's <c>toolOverrides</c>.
/// </summary>
public sealed class QoderMcpToolPolicy
{
    /// <summary>Gets or sets the tool name as the server lists it, <c>*</c> for every tool, or a full <c>mcp__…</c> rule name.</summary>
    public required string Name { get; set; }

    /// <summary>Gets or sets the permission rule for the tool; <see langword="null"/> adds none.</summary>
    public QoderMcpToolPermissionPolicy? PermissionPolicy { get; set; }

    /// <summary>
    /// Gets or sets the name the model sees instead of <c>mcp__&lt;server&gt;__&lt;tool&gt;</c> (1-64 of <c>A-Z a-z 0-9 _ -</c>, not
    /// <c>mcp_list</c>, <c>mcp_get</c> or <c>mcp_call</c>). Needs <see cref="AlwaysLoad"/>.
    /// </summary>
    public string? ExposedName { get; set; }

    /// <summary>Gets or sets a value indicating whether the tool is always in the model's tool list rather than loaded on demand.</summary>
    public bool AlwaysLoad { get; set; }

    internal QoderMcpToolPolicy Clone() => new() { Name = Name, PermissionPolicy = PermissionPolicy, ExposedName = ExposedName, AlwaysLoad = AlwaysLoad };
}
