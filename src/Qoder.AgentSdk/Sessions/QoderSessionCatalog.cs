using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Reads and manages stored sessions without running the CLI: list them, read their info and messages (the active chain)
/// and their subagents', rename, tag, delete and fork them. One catalog works over the local configuration directory the
/// CLI writes (<c>QODER_CONFIG_DIR</c>, else <c>&lt;QODER_CLI_HOME or HOME&gt;/.qoder</c>), another over a
/// <see cref="IQoderSessionStore"/>; both answer the same way, as the official SDKs' session functions do.
/// </summary>
/// <remarks>
/// Sessions are found under the project key of their working directory (<see cref="QoderProjectKey"/>). Locally, a
/// <see langword="null"/> directory searches every project; with a store it means the current directory.
/// </remarks>
public sealed class QoderSessionCatalog
{
    private readonly SessionCatalogSource _source;
    private readonly TimeProvider _time;

    /// <summary>Creates a catalog over a local configuration directory.</summary>
    /// <param name="configDirectory">The directory holding <c>projects/</c>; by default the one the CLI uses.</param>
    /// <param name="timeProvider">The clock for the timestamps of written entries; the system clock when omitted.</param>
    public QoderSessionCatalog(string? configDirectory = null, TimeProvider? timeProvider = null)
    {
        ConfigDirectory = configDirectory ?? DefaultConfigDirectory();
        _source = new LocalSessionCatalogSource(ConfigDirectory);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a catalog over a session store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="timeProvider">The clock for the timestamps of written entries; the system clock when omitted.</param>
    public QoderSessionCatalog(IQoderSessionStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _source = new StoreSessionCatalogSource(store);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the local configuration directory, or <see langword="null"/> for a store catalog.</summary>
    public string? ConfigDirectory { get; }

    /// <summary>The CLI's configuration directory for this process's environment.</summary>
    /// <returns><c>QODER_CONFIG_DIR</c>, else <c>&lt;QODER_CLI_HOME or HOME&gt;/.qoder</c>.</returns>
    public static string DefaultConfigDirectory() =>
        SessionMaterializer.RealConfigDirectory(new Dictionary<string, string?>
        {
            ["QODER_CONFIG_DIR"] = Environment.GetEnvironmentVariable("QODER_CONFIG_DIR"),
            ["QODER_CLI_HOME"] = Environment.GetEnvironmentVariable("QODER_CLI_HOME"),
            ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
        });

    /// <summary>Lists sessions with their info, most recently modified first.</summary>
    /// <param name="query">The directory and page; <see cref="QoderSessionQuery.View"/> is not used.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The sessions; subagent transcripts and sessions with nothing to show are left out.</returns>
    public async Task<IReadOnlyList<QoderSessionInfo>> ListSessionsAsync(QoderSessionQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new QoderSessionQuery();
        var handles = (await _source.ListAsync(query.Directory, cancellationToken).ConfigureAwait(false))
            .OrderByDescending(h => h.Modified)
            .ToList();
        var infos = new List<QoderSessionInfo>(handles.Count);
        foreach (var handle in handles)
        {
            if (await _source.LoadAsync(handle.SessionId, query.Directory, cancellationToken).ConfigureAwait(false) is { } loaded
                && SessionSummary.From(handle.SessionId, TranscriptEntry.From(loaded.Entries), handle.Modified, handle.FileSize, handle.DefaultCwd) is { } info)
            {
                infos.Add(info);
            }
        }

        return query.Page(infos);
    }

    /// <summary>Gets one session's info.</summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="directory">The session's working directory (see the class remarks).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The info, or <see langword="null"/> when the session is unknown or has nothing to show.</returns>
    public async Task<QoderSessionInfo?> GetSessionInfoAsync(string sessionId, string? directory = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        if (await _source.LoadAsync(sessionId, directory, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var modified = loaded.Handle.Modified == default ? (DateTimeOffset?)null : loaded.Handle.Modified;
        return SessionSummary.From(sessionId, TranscriptEntry.From(loaded.Entries), modified, loaded.Handle.FileSize, loaded.Handle.DefaultCwd);
    }

    /// <summary>
    /// Gets the visible messages of a session's active chain in order: the branch ending at the session's active leaf,
    /// read back through <c>parentUuid</c>, with the results of parallel tool calls put back beside their response.
    /// </summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="query">The directory, page, view and whether to include <c>system</c> entries.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; empty when the session is unknown.</returns>
    public async Task<IReadOnlyList<QoderSessionMessage>> GetSessionMessagesAsync(string sessionId, QoderSessionQuery? query = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        query ??= new QoderSessionQuery();
        var loaded = await _source.LoadAsync(sessionId, query.Directory, cancellationToken).ConfigureAwait(false);
        return loaded is { } found ? SessionMessages.Main(TranscriptEntry.From(found.Entries), sessionId, query) : [];
    }

    /// <summary>Lists the ids of the subagents that ran in a session (their transcripts <c>subagents/agent-&lt;id&gt;</c>).</summary>
    /// <param name="sessionId">The parent session id (a UUID).</param>
    /// <param name="directory">The session's working directory (see the class remarks).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The agent ids in ordinal order; empty when there are none.</returns>
    public async Task<IReadOnlyList<string>> ListSubagentsAsync(string sessionId, string? directory = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        var subpaths = await _source.ListSubpathsAsync(sessionId, directory, cancellationToken).ConfigureAwait(false);
        return [.. subpaths
            .Where(s => s.StartsWith(SessionCatalogSource.SubagentPrefix, StringComparison.Ordinal) && s.Length > SessionCatalogSource.SubagentPrefix.Length)
            .Select(s => s[SessionCatalogSource.SubagentPrefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets a subagent's messages, read back from its last message through <c>parentUuid</c>.</summary>
    /// <param name="sessionId">The parent session id (a UUID).</param>
    /// <param name="agentId">The subagent id, as <see cref="ListSubagentsAsync"/> gives it.</param>
    /// <param name="query">The directory and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; empty when the subagent is unknown.</returns>
    public async Task<IReadOnlyList<QoderSessionMessage>> GetSubagentMessagesAsync(
        string sessionId, string agentId, QoderSessionQuery? query = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        if (agentId.Contains('/', StringComparison.Ordinal) || agentId.Contains('\\', StringComparison.Ordinal) || agentId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{agentId}' is not a subagent id.", nameof(agentId));
        }

        query ??= new QoderSessionQuery();
        var entries = await _source.LoadSubpathAsync(sessionId, SessionCatalogSource.SubagentPrefix + agentId, query.Directory, cancellationToken).ConfigureAwait(false);
        return entries is null ? [] : SessionMessages.Subagent(TranscriptEntry.From(entries), sessionId, query);
    }

    /// <summary>Renames a session by appending a <c>custom-title</c> entry; the title wins over the prompts in the summary.</summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="title">The new title; surrounding white space is removed.</param>
    /// <param name="directory">The session's working directory (see the class remarks).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the entry is written.</returns>
    /// <exception cref="QoderSessionNotFoundException">No local transcript of the session exists.</exception>
    public Task RenameSessionAsync(string sessionId, string title, string? directory = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        ArgumentException.ThrowIfNullOrEmpty(trimmed, nameof(title));
        return AppendMarkerAsync(sessionId, directory, "custom-title", "customTitle", trimmed, cancellationToken);
    }

    /// <summary>Tags a session by appending a <c>tag</c> entry; <see langword="null"/> clears the tag.</summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="tag">The tag (normalised to NFKC, invisible characters removed, trimmed), or <see langword="null"/>.</param>
    /// <param name="directory">The session's working directory (see the class remarks).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the entry is written.</returns>
    /// <exception cref="QoderSessionNotFoundException">No local transcript of the session exists.</exception>
    public Task TagSessionAsync(string sessionId, string? tag, string? directory = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        var clean = tag is null ? string.Empty : CleanTag(tag);
        if (tag is not null && clean.Length == 0)
        {
            throw new ArgumentException("The tag must not be empty; pass null to clear it.", nameof(tag));
        }

        return AppendMarkerAsync(sessionId, directory, "tag", "tag", clean, cancellationToken);
    }

    /// <summary>Deletes a session's transcript and everything beside it (subagent transcripts, state), locally or in the store.</summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="directory">The session's working directory (see the class remarks).</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns><see langword="true"/> when a local transcript was removed or the store was asked to remove it.</returns>
    public Task<bool> DeleteSessionAsync(string sessionId, string? directory = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        return _source.DeleteAsync(sessionId, directory, cancellationToken);
    }

    /// <summary>
    /// Copies a session's active chain into a new session without running the CLI (every entry with a new uuid, linked as
    /// in the source), titled after the source with <c>(fork)</c> unless a title is given. The fork can be resumed like any
    /// session.
    /// </summary>
    /// <param name="sessionId">The session to copy (a UUID).</param>
    /// <param name="options">The directory, the last message to copy and the title.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The new session id.</returns>
    /// <exception cref="QoderSessionNotFoundException">The session does not exist.</exception>
    public async Task<string> ForkSessionAsync(string sessionId, QoderSessionForkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateId(sessionId);
        options ??= new QoderSessionForkOptions();
        if (options.UpToMessageId is { } upTo)
        {
            ValidateId(upTo, nameof(options));
        }

        var loaded = await _source.LoadAsync(sessionId, options.Directory, cancellationToken).ConfigureAwait(false)
            ?? throw new QoderSessionNotFoundException(sessionId, _source.Describe(options.Directory));
        var forkId = Guid.NewGuid().ToString();
        var entries = SessionFork.Copy(TranscriptEntry.From(loaded.Entries), sessionId, forkId, options, _time);
        await _source.CreateAsync(forkId, sessionId, options.Directory, entries, cancellationToken).ConfigureAwait(false);
        return forkId;
    }

    private async Task AppendMarkerAsync(string sessionId, string? directory, string type, string field, string value, CancellationToken cancellationToken)
    {
        var entry = new JsonObject
        {
            ["type"] = type,
            ["sessionId"] = sessionId,
            [field] = value,
            ["uuid"] = Guid.NewGuid().ToString(),
            ["timestamp"] = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (!await _source.AppendAsync(sessionId, directory, [SessionFork.ToElement(entry)], cancellationToken).ConfigureAwait(false))
        {
            throw new QoderSessionNotFoundException(sessionId, _source.Describe(directory));
        }
    }

    private static string CleanTag(string tag)
    {
        var text = tag;
        for (var i = 0; i < 10; i++)
        {
            var next = new string([.. text.Normalize(NormalizationForm.FormKC).Where(c => !IsInvisible(c))]);
            if (next == text)
            {
                break;
            }

            text = next;
        }

        return text.Trim();
    }

    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static void ValidateId(string sessionId, string name = "sessionId")
    {
        ArgumentNullException.ThrowIfNull(sessionId, name);
        if (!Guid.TryParseExact(sessionId, "D", out _))
        {
            throw new ArgumentException($"'{sessionId}' is not a session id (a UUID such as 0b6c7f4e-5d1a-4c1e-9a41-6f3f8b1c2d3e).", name);
        }
    }
}
