namespace Qoder.AgentSdk.Sessions;

/// <summary>Where to look and which page to return, for the <see cref="QoderSessionCatalog"/> listings.</summary>
public sealed class QoderSessionQuery
{
    /// <summary>
    /// Gets or sets the working directory whose sessions are meant. Locally, <see langword="null"/> searches every project;
    /// with a store, <see langword="null"/> means the current directory (a store is keyed by project).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Gets or sets how many items to skip.</summary>
    public int Offset { get; set; }

    /// <summary>Gets or sets the most items to return; <see langword="null"/> or 0 returns all.</summary>
    public int? Limit { get; set; }

    /// <summary>Gets or sets the view of <see cref="QoderSessionCatalog.GetSessionMessagesAsync"/>.</summary>
    public QoderSessionMessageView View { get; set; } = QoderSessionMessageView.Runtime;

    /// <summary>Gets or sets a value indicating whether <c>system</c> entries (compact boundaries, notices) are returned too.</summary>
    public bool IncludeSystemMessages { get; set; }

    internal IReadOnlyList<T> Page<T>(IReadOnlyList<T> items)
    {
        var skipped = items.Skip(Math.Max(0, Offset));
        return [.. Limit is > 0 ? skipped.Take(Limit.Value) : skipped];
    }
}
