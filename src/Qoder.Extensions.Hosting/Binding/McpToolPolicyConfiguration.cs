using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of a <see cref="QoderMcpToolPolicy"/> (its <c>required</c> name keeps the binding generator from creating one).</summary>
internal sealed class McpToolPolicyConfiguration
{
    public string? Name { get; set; }

    public QoderMcpToolPermissionPolicy? PermissionPolicy { get; set; }

    public string? ExposedName { get; set; }

    public bool? AlwaysLoad { get; set; }

    /// <summary>The policy, as the reflection binder created it: a missing name stays unset for the validator to report.</summary>
    public QoderMcpToolPolicy ToPolicy()
    {
        var policy = new QoderMcpToolPolicy { Name = Name! };
        policy.PermissionPolicy = PermissionPolicy ?? policy.PermissionPolicy;
        policy.ExposedName = ExposedName ?? policy.ExposedName;
        policy.AlwaysLoad = AlwaysLoad ?? policy.AlwaysLoad;
        return policy;
    }
}
