using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Copies a session the CLI wrote locally (<c>&lt;config-dir&gt;/projects/&lt;project-key&gt;/&lt;id&gt;.jsonl</c>) into an
/// <see cref="IQoderSessionStore"/>, as the official SDK's <c>importSessionToStore</c> does: the main transcript under the
/// session's key, then each subagent transcript under its subpath (<c>subagents/agent-&lt;id&gt;</c>) followed by its
/// <c>.meta.json</c> sidecar as one <c>agent_metadata</c> entry. Lines that are not JSON objects are skipped.
/// </summary>
public static class QoderSessionImport
{
    /// <summary>The default most entries per append.</summary>
    public const int DefaultBatchSize = 500;

    private const int MaxBatchBytes = 1024 * 1024;

    /// <summary>Imports one session.</summary>
    /// <param name="sessionId">The session id (a UUID).</param>
    /// <param name="store">The store to append to.</param>
    /// <param name="options">Where to look and how to batch; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; what was appended stays.</param>
    /// <returns>The key the main transcript was stored under.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is not a UUID.</exception>
    /// <exception cref="QoderSessionNotFoundException">No non-empty transcript of the session was found.</exception>
    public static async Task<QoderSessionKey> ImportToStoreAsync(
        string sessionId, IQoderSessionStore store, QoderSessionImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Guid.TryParseExact(sessionId, "D", out _))
        {
            throw new ArgumentException($"Invalid session id: {sessionId}; a session id is a UUID.", nameof(sessionId));
        }

        options ??= new QoderSessionImportOptions();
        var projects = Path.Combine(options.ConfigDirectory ?? QoderSessionCatalog.DefaultConfigDirectory(), "projects");
        var (file, projectKey) = Find(projects, sessionId, options.Directory)
            ?? throw new QoderSessionNotFoundException(sessionId, options.Directory is null ? projects : $"the project folder of {options.Directory}");
        var batchSize = options.BatchSize > 0 ? options.BatchSize : DefaultBatchSize;
        var key = new QoderSessionKey(projectKey, sessionId);
        await CopyAsync(file, key, store, batchSize, cancellationToken).ConfigureAwait(false);
        if (!options.IncludeSubagents)
        {
            return key;
        }

        var sessionFolder = file[..^".jsonl".Length];
        foreach (var transcript in Transcripts(Path.Combine(sessionFolder, "subagents")))
        {
            var relative = Path.GetRelativePath(sessionFolder, transcript).Replace(Path.DirectorySeparatorChar, '/');
            var subkey = key with { Subpath = relative[..^".jsonl".Length] };
            await CopyAsync(transcript, subkey, store, batchSize, cancellationToken).ConfigureAwait(false);
            var sidecar = Path.Combine(Path.GetDirectoryName(transcript)!, Path.GetFileNameWithoutExtension(transcript) + ".meta.json");
            if (await MetadataAsync(sidecar, cancellationToken).ConfigureAwait(false) is { } metadata)
            {
                await store.AppendAsync(subkey, [metadata], cancellationToken).ConfigureAwait(false);
            }
        }

        return key;
    }

    private static (string File, string ProjectKey)? Find(string projects, string sessionId, string? directory)
    {
        if (directory is not null)
        {
            var projectKey = QoderProjectKey.FromDirectory(directory);
            var file = Path.Combine(projects, projectKey, sessionId + ".jsonl");
            return NonEmpty(file) ? (file, projectKey) : null;
        }

        if (!Directory.Exists(projects))
        {
            return null;
        }

        foreach (var folder in Directory.EnumerateDirectories(projects).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, sessionId + ".jsonl");
            if (NonEmpty(file))
            {
                return (file, Path.GetFileName(folder));
            }
        }

        return null;
    }

    private static bool NonEmpty(string file) => File.Exists(file) && new FileInfo(file).Length > 0;

    /// <summary>Every <c>.jsonl</c> below <paramref name="folder"/>, depth first, names in ordinal order.</summary>
    private static IEnumerable<string> Transcripts(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(entry))
            {
                foreach (var nested in Transcripts(entry))
                {
                    yield return nested;
                }
            }
            else if (entry.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                yield return entry;
            }
        }
    }

    private static async Task CopyAsync(string file, QoderSessionKey key, IQoderSessionStore store, int batchSize, CancellationToken cancellationToken)
    {
        var batch = new List<JsonElement>();
        var bytes = 0;
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || Parse(line) is not { } entry)
            {
                continue;
            }

            batch.Add(entry);
            bytes += Encoding.UTF8.GetByteCount(line);
            if (batch.Count >= batchSize || bytes >= MaxBatchBytes)
            {
                await store.AppendAsync(key, batch, cancellationToken).ConfigureAwait(false);
                batch = [];
                bytes = 0;
            }
        }

        if (batch.Count > 0)
        {
            await store.AppendAsync(key, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The sidecar as an <c>agent_metadata</c> entry (its own fields win, as in the official SDK); <see langword="null"/> when absent or unreadable.</summary>
    private static async Task<JsonElement?> MetadataAsync(string sidecar, CancellationToken cancellationToken)
    {
        if (!File.Exists(sidecar) || Parse(await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false)) is not { } metadata)
        {
            return null;
        }

        var entry = new JsonObject { ["type"] = "agent_metadata" };
        foreach (var property in metadata.EnumerateObject())
        {
            entry[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(entry, QoderJsonContext.Default.JsonObject);
    }
}
