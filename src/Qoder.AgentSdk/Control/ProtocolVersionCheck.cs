using System.Globalization;
using Microsoft.Extensions.Logging;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Control;

/// <summary>Checks the protocol version the CLI announces in its first <c>system/init</c>.</summary>
internal static class ProtocolVersionCheck
{
    /// <summary>The minor version of <see cref="QoderCliDefaults.ProtocolVersion"/>; an older minor works, with a warning.</summary>
    public const int SupportedMinorVersion = 4;

    /// <summary>Checks <paramref name="init"/>: another major version is an error, an older minor one a warning.</summary>
    /// <param name="init">The first <c>system/init</c>.</param>
    /// <param name="logger">Receives the warning.</param>
    /// <returns>The mismatch, or <see langword="null"/> when the client can talk to this CLI.</returns>
    public static QoderProtocolVersionMismatchException? Check(SystemInitMessage init, ILogger logger)
    {
        if (init.ProtocolVersion is not { } version)
        {
            return null;
        }

        var parts = version.Split('.', '-', '+');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        if (major != QoderProtocolVersionMismatchException.SupportedMajorVersion)
        {
            return new QoderProtocolVersionMismatchException(version, init.QodercliVersion);
        }

        if (minor < SupportedMinorVersion)
        {
            SdkLog.OlderProtocol(logger, version, QoderCliDefaults.ProtocolVersion);
        }

        return null;
    }
}
