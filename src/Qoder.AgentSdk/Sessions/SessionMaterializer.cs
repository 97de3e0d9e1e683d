using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Qoder.AgentSdk.Sessions;

/// <summary>
/// Loads the session to resume (or the newest one to continue) from the store into a private configuration directory
/// laid out as the CLI's own: <c>projects/&lt;key&gt;/&lt;id&gt;.jsonl</c> and the transcripts beside it, plus the login the
/// real configuration directory holds, so that the CLI resumes it with <c>QODER_CONFIG_DIR</c> and <c>--resume</c>.
/// </summary>
internal static class SessionMaterializer
{
    private const string MetadataType = "agent_metadata";

    /// <returns>The directory, or <see langword="null"/> when the store holds nothing to resume (the launch is left as it is).</returns>
    public static async Task<MaterializedSession?> MaterializeAsync(
        QoderAgentOptions options, string workingDirectory, IReadOnlyDictionary<string, string?> environment, ILogger logger, CancellationToken cancellationToken)
    {
        var store = options.SessionStore!;
        var projectKey = QoderProjectKey.FromDirectory(workingDirectory);
        string? sessionId = options.Resume;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SessionStoreLoadTimeout);
        var loaded = new List<(string? Subpath, IReadOnlyList<JsonElement> Entries)>();
        try
        {
            if (string.IsNullOrEmpty(sessionId))
            {
                var sessions = await BoundedAsync(store.ListSessionsAsync(projectKey, timeout.Token), options).ConfigureAwait(false);
                sessionId = sessions.Count == 0 ? null : sessions.MaxBy(s => s.ModifiedAt)!.SessionId;
            }

            if (sessionId is null
                || await BoundedAsync(store.LoadAsync(new QoderSessionKey(projectKey, sessionId), timeout.Token), options).ConfigureAwait(false) is not { Count: > 0 } main)
            {
                SessionStoreLog.NothingStored(logger, sessionId);
                return null;
            }

            loaded.Add((null, main));
            foreach (var subpath in await BoundedAsync(store.ListSubkeysAsync(projectKey, sessionId, timeout.Token), options).ConfigureAwait(false))
            {
                if (!IsSafeSubpath(subpath))
                {
                    continue;
                }

                var entries = await BoundedAsync(store.LoadAsync(new QoderSessionKey(projectKey, sessionId, subpath), timeout.Token), options).ConfigureAwait(false);
                if (entries is { Count: > 0 })
                {
                    loaded.Add((subpath, entries));
                }
            }
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new QoderSessionStoreException(
                sessionId,
                $"The session store did not return session {sessionId ?? "(newest)"} within {options.SessionStoreLoadTimeout}; check the store or raise QoderAgentOptions.SessionStoreLoadTimeout.",
                ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not QoderException)
        {
            throw new QoderSessionStoreException(sessionId, $"The session store failed to load session {sessionId ?? "(newest)"}: {ex.Message}", ex);
        }

        var directory = Directory.CreateTempSubdirectory("qoder-session-");
        var session = new MaterializedSession(directory.FullName, sessionId);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            CopyLogin(RealConfigDirectory(environment), directory.FullName);
            var project = Path.Combine(directory.FullName, "projects", projectKey);
            foreach (var (subpath, entries) in loaded)
            {
                await WriteAsync(project, sessionId, subpath, entries, cancellationToken).ConfigureAwait(false);
            }

            SessionStoreLog.Materialized(logger, sessionId, loaded[0].Entries.Count, loaded.Count - 1);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary><c>QODER_CONFIG_DIR</c> of the child's environment, else <c>&lt;QODER_CLI_HOME or HOME&gt;/.qoder</c>.</summary>
    public static string RealConfigDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("QODER_CONFIG_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var home = environment.GetValueOrDefault("QODER_CLI_HOME") is { Length: > 0 } cliHome
            ? cliHome
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } userHome ? userHome : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".qoder");
    }

    private static Task<T> BoundedAsync<T>(Task<T> task, QoderAgentOptions options) => task.WaitAsync(options.SessionStoreLoadTimeout);

    private static bool IsSafeSubpath(string subpath) =>
        subpath.Length > 0 && !Path.IsPathRooted(subpath)
        && subpath.Split('/').All(s => s.Length > 0 && s is not "." and not ".." && !s.Contains(':', StringComparison.Ordinal) && !s.Contains('\\', StringComparison.Ordinal));

    // The CLI needs the host's login to resume; nothing else of the real configuration is copied.
    private static void CopyLogin(string source, string target)
    {
        var auth = Path.Combine(source, ".auth");
        if (Directory.Exists(auth))
        {
            CopyDirectory(auth, Path.Combine(target, ".auth"));
        }

        var oauth = Path.Combine(source, "oauth_creds.json");
        if (File.Exists(oauth))
        {
            File.Copy(oauth, Path.Combine(target, "oauth_creds.json"));
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var child in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(child, Path.Combine(target, Path.GetFileName(child)));
        }
    }

    private static async Task WriteAsync(string project, string sessionId, string? subpath, IReadOnlyList<JsonElement> entries, CancellationToken cancellationToken)
    {
        var path = subpath is null
            ? Path.Combine(project, sessionId + ".jsonl")
            : Path.Combine([project, sessionId, .. subpath.Split('/')]) + ".jsonl";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var lines = new StringBuilder();
        JsonElement? metadata = null;
        foreach (var entry in entries)
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("type", out var type) && type.ValueEquals(MetadataType))
            {
                metadata = entry;
                continue;
            }

            lines.Append(entry.GetRawText()).Append('\n');
        }

        await File.WriteAllTextAsync(path, lines.ToString(), cancellationToken).ConfigureAwait(false);
        if (subpath is not null && metadata is { } last)
        {
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".meta.json"), WithoutType(last), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string WithoutType(JsonElement entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in entry.EnumerateObject())
            {
                if (property.Name != "type")
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
