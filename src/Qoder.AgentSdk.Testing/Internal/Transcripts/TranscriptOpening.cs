using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing.Internal.Transcripts;

/// <summary>
/// Picks the session a launch works on, as the CLI does: <c>--session-id</c>, <c>--resume</c> (with or without
/// <c>--fork-session</c>), <c>--continue</c> (the newest transcript of the project), or a new id; loads the history.
/// </summary>
internal static class TranscriptOpening
{
    /// <summary>The real CLI's exit code when <c>--resume</c> names a session it cannot find.</summary>
    public const int ResumeNotFoundExitCode = 42;

    public static StandInTranscript Open(
        CliArguments args, QoderScenario scenario, IReadOnlyDictionary<string, string?> environment, string cwd, out string? error)
    {
        error = null;
        var projectDirectory = Path.Combine(ConfigDirectory(environment), "projects", ProjectKey.For(cwd));
        var resume = args.Get("resume") is { Length: > 0 } given ? given : null;
        if (resume is null && args.Has("continue"))
        {
            resume = Newest(projectDirectory);
        }

        var fork = resume is not null && args.Has("fork-session");
        var sessionId = args.Get("session-id") ?? (resume is not null && !fork ? resume : null) ?? scenario.SessionId ?? Wire.NewId();
        if (fork && sessionId == resume)
        {
            sessionId = Wire.NewId();
        }

        IReadOnlyList<JsonObject> history = [];
        if (resume is not null)
        {
            var file = Path.Combine(projectDirectory, resume + ".jsonl");
            if (File.Exists(file))
            {
                history = Load(file);
            }
            else if (!scenario.AcceptUnknownResume)
            {
                error = $"Error resuming session: Invalid session identifier \"{resume}\".\n"
                    + $"  Searched current project and same-repo worktrees:\n    - {projectDirectory}\n"
                    + "  Use --list-sessions to see available sessions.";
            }
        }

        return new StandInTranscript(
            projectDirectory, sessionId, cwd, scenario, history, resumed: resume is not null, forked: fork,
            persist: !args.Has("no-session-persistence"), mirror: args.Has("session-mirror"));
    }

    /// <summary><c>$QODER_CONFIG_DIR</c>, else <c>&lt;$QODER_CLI_HOME or $HOME&gt;/.qoder</c>.</summary>
    public static string ConfigDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("QODER_CONFIG_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var home = environment.GetValueOrDefault("QODER_CLI_HOME") is { Length: > 0 } cliHome
            ? cliHome
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } userHome ? userHome : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.GetFullPath(Path.Combine(home, ".qoder"));
    }

    private static string? Newest(string projectDirectory)
    {
        if (!Directory.Exists(projectDirectory))
        {
            return null;
        }

        FileInfo? newest = null;
        foreach (var file in new DirectoryInfo(projectDirectory).EnumerateFiles("*.jsonl"))
        {
            if (newest is null || file.LastWriteTimeUtc > newest.LastWriteTimeUtc)
            {
                newest = file;
            }
        }

        return newest is null ? null : Path.GetFileNameWithoutExtension(newest.Name);
    }

    private static List<JsonObject> Load(string file)
    {
        var entries = new List<JsonObject>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(line) is JsonObject entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A torn last line (a crash mid-write) is skipped, as the CLI's reader does.
            }
        }

        return entries;
    }
}
