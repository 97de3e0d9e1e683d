namespace Qoder.AgentSdk.Sessions;

/// <summary>How <see cref="QoderSessionCatalog.ForkSessionAsync"/> copies a session.</summary>
public sealed class QoderSessionForkOptions
{
    /// <summary>Gets or sets the working directory of the session (see <see cref="QoderSessionQuery.Directory"/>).</summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets the last message to copy (inclusive); <see langword="null"/> copies the whole chain.</summary>
    public string? UpToMessageId { get; set; }

    /// <summary>Gets or sets the fork's title; by default the source's title followed by <c>(fork)</c>.</summary>
    public string? Title { get; set; }
}
