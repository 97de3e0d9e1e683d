namespace Qoder.AgentSdk;

/// <summary>
/// The CLI's built-in code security checks (<see cref="QoderAgentOptions.SecurityScan"/>). When set, it is written to the
/// settings as <c>securityScan</c> with all three switches, each off unless turned on here.
/// </summary>
public sealed class QoderSecurityScanOptions
{
    /// <summary>Gets or sets a value indicating whether a static security check runs after supported file edits.</summary>
    public bool L1StaticCheck { get; set; }

    /// <summary>Gets or sets a value indicating whether lightweight repository scans are allowed.</summary>
    public bool L2LightweightScan { get; set; }

    /// <summary>Gets or sets a value indicating whether deep repository scans are allowed.</summary>
    public bool L3DeepScan { get; set; }

    internal QoderSecurityScanOptions Clone() => new() { L1StaticCheck = L1StaticCheck, L2LightweightScan = L2LightweightScan, L3DeepScan = L3DeepScan };
}
