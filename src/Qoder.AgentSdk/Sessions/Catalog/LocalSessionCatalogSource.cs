using System.Text;
using System.Text.Json;

namespace Qoder.AgentSdk.Sessions;

/// <summary>Transcripts under <c>&lt;config-dir&gt;/projects/&lt;project-key&gt;/&lt;session-id&gt;.jsonl</c>, as the CLI writes them.</summary>
internal sealed class LocalSessionCatalogSource : SessionCatalogSource
{
    private readonly string _projects;

    public LocalSessionCatalogSource(string configDirectory) => _projects = Path.Combine(configDirectory, "projects");

    public override string Describe(string? directory) =>
        directory is null ? _projects : Path.Combine(_projects, QoderProjectKey.FromDirectory(directory));

    public override Task<IReadOnlyList<SessionHandle>> ListAsync(string? directory, CancellationToken cancellationToken)
    {
        var newest = new Dictionary<string, SessionHandle>(StringComparer.Ordinal);
        foreach (var project in ProjectFolders(directory))
        {
            foreach (var file in Directory.EnumerateFiles(project, "*.jsonl"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var handle = Handle(file, directory);
                if (!newest.TryGetValue(handle.SessionId, out var known) || handle.Modified > known.Modified)
                {
                    newest[handle.SessionId] = handle;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<SessionHandle>>([.. newest.Values]);
    }

    public override async Task<(SessionHandle Handle, IReadOnlyList<JsonElement> Entries)?> LoadAsync(string sessionId, string? directory, CancellationToken cancellationToken)
    {
        if (Find(sessionId, directory) is not { } file)
        {
            return null;
        }

        return (Handle(file, directory), await ReadAsync(file, cancellationToken).ConfigureAwait(false));
    }

    public override Task<IReadOnlyList<string>> ListSubpathsAsync(string sessionId, string? directory, CancellationToken cancellationToken)
    {
        if (Find(sessionId, directory) is not { } file)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var subagents = Path.Combine(Path.GetDirectoryName(file)!, sessionId, "subagents");
        IReadOnlyList<string> found = Directory.Exists(subagents)
            ? [.. Directory.EnumerateFiles(subagents, "agent-*.jsonl").Select(f => "subagents/" + Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(found);
    }

    public override async Task<IReadOnlyList<JsonElement>?> LoadSubpathAsync(string sessionId, string subpath, string? directory, CancellationToken cancellationToken)
    {
        if (Find(sessionId, directory) is not { } file)
        {
            return null;
        }

        var path = Path.Combine(Path.GetDirectoryName(file)!, sessionId, subpath + ".jsonl");
        return File.Exists(path) ? await ReadAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public override async Task<bool> AppendAsync(string sessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken)
    {
        if (Find(sessionId, directory) is not { } file)
        {
            return false;
        }

        await File.AppendAllTextAsync(file, Lines(entries), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override async Task CreateAsync(string sessionId, string besideSessionId, string? directory, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken)
    {
        var beside = Find(besideSessionId, directory) ?? throw new QoderSessionNotFoundException(besideSessionId, Describe(directory));
        var file = Path.Combine(Path.GetDirectoryName(beside)!, sessionId + ".jsonl");
        await File.WriteAllTextAsync(file, Lines(entries), cancellationToken).ConfigureAwait(false);
    }

    public override Task<bool> DeleteAsync(string sessionId, string? directory, CancellationToken cancellationToken)
    {
        if (Find(sessionId, directory) is not { } file)
        {
            return Task.FromResult(false);
        }

        File.Delete(file);
        var sidecar = Path.Combine(Path.GetDirectoryName(file)!, sessionId);
        if (Directory.Exists(sidecar))
        {
            Directory.Delete(sidecar, recursive: true);
        }

        return Task.FromResult(true);
    }

    private static string Lines(IReadOnlyList<JsonElement> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.GetRawText()).Append('\n');
        }

        return text.ToString();
    }

    private static SessionHandle Handle(string file, string? directory)
    {
        var info = new FileInfo(file);
        return new SessionHandle(Path.GetFileNameWithoutExtension(file), new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), info.Length, directory);
    }

    /// <summary>Reads a transcript; a torn or foreign line (a crash mid-write) is skipped, as the CLI does.</summary>
    private static async Task<IReadOnlyList<JsonElement>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var entries = new List<JsonElement>();
        foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                entries.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
            }
        }

        return entries;
    }

    private string? Find(string sessionId, string? directory) =>
        ProjectFolders(directory).Select(p => Path.Combine(p, sessionId + ".jsonl")).FirstOrDefault(File.Exists);

    private IEnumerable<string> ProjectFolders(string? directory)
    {
        if (directory is not null)
        {
            var folder = Path.Combine(_projects, QoderProjectKey.FromDirectory(directory));
            return Directory.Exists(folder) ? [folder] : [];
        }

        return Directory.Exists(_projects) ? Directory.EnumerateDirectories(_projects) : [];
    }
}
