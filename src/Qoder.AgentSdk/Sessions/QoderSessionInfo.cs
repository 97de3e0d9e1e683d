namespace Qoder.AgentSdk.Sessions;

/// <summary>What <see cref="QoderSessionCatalog"/> tells about one session (the official SDKs' session info).</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="Summary">The display title: the custom or AI title, else the last prompt, else the first prompt.</param>
/// <param name="LastModified">When the transcript last changed (the file time locally; the store's time otherwise).</param>
public sealed record QoderSessionInfo(string SessionId, string Summary, DateTimeOffset LastModified)
{
    /// <summary>Gets the transcript size in bytes; only known for local transcripts.</summary>
    public long? FileSize { get; init; }

    /// <summary>Gets the title set by a rename (or an AI title when there is none).</summary>
    public string? CustomTitle { get; init; }

    /// <summary>Gets the first meaningful prompt of the session, cut at 200 characters.</summary>
    public string? FirstPrompt { get; init; }

    /// <summary>Gets the last git branch recorded in the transcript.</summary>
    public string? GitBranch { get; init; }

    /// <summary>Gets the session's working directory.</summary>
    public string? Cwd { get; init; }

    /// <summary>Gets the tag set with <see cref="QoderSessionCatalog.TagSessionAsync"/>, if any.</summary>
    public string? Tag { get; init; }

    /// <summary>Gets the time of the first timestamped entry.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
