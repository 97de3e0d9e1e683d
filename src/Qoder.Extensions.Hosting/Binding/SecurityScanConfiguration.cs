using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of <see cref="QoderSecurityScanOptions"/>: unset levels keep what an earlier section set.</summary>
internal sealed class SecurityScanConfiguration
{
    public bool? L1StaticCheck { get; set; }

    public bool? L2LightweightScan { get; set; }

    public bool? L3DeepScan { get; set; }

    public QoderSecurityScanOptions ApplyTo(QoderSecurityScanOptions? scan)
    {
        scan ??= new QoderSecurityScanOptions();
        scan.L1StaticCheck = L1StaticCheck ?? scan.L1StaticCheck;
        scan.L2LightweightScan = L2LightweightScan ?? scan.L2LightweightScan;
        scan.L3DeepScan = L3DeepScan ?? scan.L3DeepScan;
        return scan;
    }
}
