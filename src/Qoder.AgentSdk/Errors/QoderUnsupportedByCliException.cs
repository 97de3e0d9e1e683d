namespace Qoder.AgentSdk;

/// <summary>
/// The running <c>qodercli</c> cannot do what was asked: it does not advertise the protocol capability the control
/// request needs (checked before sending), or it answered that it does not know the request. Nothing was changed; upgrade
/// the CLI (<see cref="QoderCliDefaults"/> names the version this client is tested with) or do without the call.
/// </summary>
public sealed class QoderUnsupportedByCliException : QoderException
{
    /// <summary>Initializes a new instance of the <see cref="QoderUnsupportedByCliException"/> class.</summary>
    /// <param name="subtype">The control request.</param>
    /// <param name="capability">The capability the CLI lacks, or <see langword="null"/> when the CLI rejected the request itself.</param>
    /// <param name="cliVersion">The CLI version, when known.</param>
    /// <param name="innerException">The CLI's error, when it rejected the request.</param>
    public QoderUnsupportedByCliException(string subtype, string? capability, string? cliVersion, Exception? innerException = null)
        : base(Describe(subtype, capability, cliVersion), innerException)
    {
        Subtype = subtype;
        Capability = capability;
        CliVersion = cliVersion;
    }

    /// <summary>Gets the control request, such as <c>set_goal</c>.</summary>
    public string Subtype { get; }

    /// <summary>Gets the capability the CLI does not advertise, such as <c>goal_v1</c>; <see langword="null"/> when the CLI rejected the request as unknown.</summary>
    public string? Capability { get; }

    /// <summary>Gets the version of the running CLI, when known.</summary>
    public string? CliVersion { get; }

    private static string Describe(string subtype, string? capability, string? cliVersion)
    {
        var cli = cliVersion is null ? "The running qodercli" : $"The running qodercli {cliVersion}";
        var cause = capability is null
            ? $"{cli} does not know the control request \"{subtype}\"."
            : $"{cli} does not advertise the capability \"{capability}\" that the control request \"{subtype}\" needs.";
        return $"{cause} Upgrade qodercli (this client is tested with {QoderCliDefaults.PinnedVersion}) or do without this call.";
    }
}
