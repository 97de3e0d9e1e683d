namespace Qoder.AgentSdk;

/// <summary>The CLI speaks a protocol major version this client does not understand.</summary>
public sealed class QoderProtocolVersionMismatchException : QoderProtocolException
{
    /// <summary>Initializes a new instance of the <see cref="QoderProtocolVersionMismatchException"/> class.</summary>
    /// <param name="cliProtocolVersion">The version the CLI announced.</param>
    /// <param name="cliVersion">The CLI version, if announced.</param>
    public QoderProtocolVersionMismatchException(string cliProtocolVersion, string? cliVersion)
        : base($"qodercli {cliVersion ?? "(unknown version)"} speaks protocol {cliProtocolVersion}, but this client supports major version {SupportedMajorVersion}. Install @qoder-ai/qodercli@{QoderCliDefaults.PinnedVersion} or a CLI with protocol {SupportedMajorVersion}.x.")
    {
        CliProtocolVersion = cliProtocolVersion;
        CliVersion = cliVersion;
    }

    /// <summary>The protocol major version this client speaks.</summary>
    public const int SupportedMajorVersion = 1;

    /// <summary>Gets the protocol version the CLI announced.</summary>
    public string CliProtocolVersion { get; }

    /// <summary>Gets the CLI version, if announced.</summary>
    public string? CliVersion { get; }
}
