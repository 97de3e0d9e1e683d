using System.Text;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Session;

namespace Qoder.AgentSdk.Testing.Internal.Transcripts;

/// <summary>
/// The session's transcript, <c>&lt;config-dir&gt;/projects/&lt;project-key&gt;/&lt;session-id&gt;.jsonl</c>: the history a
/// resume loaded, and the entries this process appends (each commit written to disk, then mirrored as one
/// <c>transcript_mirror</c> frame under <c>--session-mirror</c>). Only the work loop appends, one turn at a time.
/// </summary>
internal sealed class StandInTranscript
{
    private readonly string _cwd;
    private readonly QoderScenario _scenario;
    private readonly bool _persist;
    private readonly bool _mirror;
    // Filled once, before stdin is read, then only read (by the stdin reader); the work loop never touches it.
    private readonly HashSet<string> _persistedUserUuids = new(StringComparer.Ordinal);
    private readonly List<string> _prompts = [];
    private readonly List<JsonObject> _forkedHistory = [];
    private string? _lastUuid;
    private bool _started;

    public StandInTranscript(
        string projectDirectory, string sessionId, string cwd, QoderScenario scenario, IReadOnlyList<JsonObject> history, bool resumed, bool forked,
        bool persist, bool mirror)
    {
        ProjectDirectory = projectDirectory;
        SessionId = sessionId;
        FilePath = Path.Combine(projectDirectory, sessionId + ".jsonl");
        Resumed = resumed;
        _cwd = cwd;
        _scenario = scenario;
        _persist = persist;
        _mirror = mirror && persist;
        _started = history.Count > 0 && !forked;
        foreach (var entry in history)
        {
            if (Observe(entry) is { } persisted)
            {
                _persistedUserUuids.Add(persisted);
            }

            if (forked)
            {
                var copy = entry.DeepClone().AsObject();
                if (copy.ContainsKey("sessionId"))
                {
                    copy["sessionId"] = sessionId;
                }

                _forkedHistory.Add(copy);
            }
        }
    }

    public string ProjectDirectory { get; }

    public string SessionId { get; }

    public string FilePath { get; }

    /// <summary>Started with <c>--resume</c> or <c>--continue</c> (forked or not).</summary>
    public bool Resumed { get; }

    /// <summary>Whether a user message with this uuid is already in the transcript a resume loaded (the CLI does not run it again).</summary>
    public bool IsPersistedUserUuid(string uuid) => _persistedUserUuids.Contains(uuid);

    /// <summary>The session's user prompts so far, oldest first: those of the loaded history, then this process's.</summary>
    public string PreviousPrompts() => string.Join(QoderScenario.PreviousPromptsSeparator, _prompts);

    /// <summary>A fork writes the copied history into its new transcript at start-up and mirrors it as the first frame.</summary>
    public Task StartAsync(SessionOutput output)
    {
        if (_forkedHistory.Count == 0)
        {
            return Task.CompletedTask;
        }

        _started = true;
        return CommitAsync(output, _forkedHistory);
    }

    /// <summary>The prompt that starts (or joins) a turn: its uuid is the host's when given.</summary>
    public async Task AddUserAsync(SessionOutput output, string? uuid, JsonNode? content, string permissionMode)
    {
        if (!_started)
        {
            _started = true;
            await CommitAsync(output, [
                new JsonObject { ["type"] = "workspace-directories", ["sessionId"] = SessionId, ["directories"] = new JsonArray(_cwd) },
                new JsonObject
                {
                    ["type"] = "runtime-config", ["sessionId"] = SessionId, ["model"] = _scenario.Model, ["reasoningEffort"] = null,
                    ["contextWindow"] = null, ["generation"] = null,
                },
            ]).ConfigureAwait(false);
        }

        var blocks = content is JsonArray array ? array.DeepClone() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Wire.Str(content) ?? string.Empty });
        var entry = Message("user", uuid ?? Wire.NewId(), new JsonObject { ["role"] = "user", ["content"] = blocks });
        entry["permissionMode"] = permissionMode;
        entry["origin"] = new JsonObject { ["kind"] = "human" };
        entry["promptId"] = Wire.NewId();
        await CommitAsync(output, [entry]).ConfigureAwait(false);
    }

    /// <summary>One assistant message as the host saw it on stdout, chained after the previous entry.</summary>
    public Task AddAssistantAsync(SessionOutput output, JsonObject message)
    {
        var body = message.DeepClone().AsObject();
        body.Remove("usage");
        return CommitAsync(output, [Message("assistant", Wire.NewId(), body)]);
    }

    /// <summary>The end of a turn: the CLI records the turn's last prompt.</summary>
    public Task EndTurnAsync(SessionOutput output) =>
        _prompts.Count == 0
            ? Task.CompletedTask
            : CommitAsync(output, [new JsonObject { ["type"] = "last-prompt", ["sessionId"] = SessionId, ["lastPrompt"] = _prompts[^1] }]);

    private JsonObject Message(string type, string uuid, JsonObject message)
    {
        var entry = new JsonObject
        {
            ["type"] = type,
            ["uuid"] = uuid,
            ["timestamp"] = Wire.Timestamp(),
            ["message"] = message,
            ["parentUuid"] = _lastUuid,
            ["isSidechain"] = false,
            ["cwd"] = _cwd,
            ["sessionId"] = SessionId,
            ["userType"] = "external",
            ["entrypoint"] = "cli",
            ["version"] = _scenario.CliVersion,
        };
        Observe(entry);
        return entry;
    }

    /// <summary>Chains after <paramref name="entry"/>; returns its uuid when it is a prompt.</summary>
    private string? Observe(JsonObject entry)
    {
        var type = Wire.Str(entry["type"]);
        if (type is not ("user" or "assistant") || Wire.Str(entry["uuid"]) is not { } uuid)
        {
            return null;
        }

        _lastUuid = uuid;
        if (type == "user" && PromptOf(entry) is { } prompt)
        {
            _prompts.Add(prompt);
            return uuid;
        }

        return null;
    }

    // Tool results are user entries too; only text the human sent counts as a prompt.
    private static string? PromptOf(JsonObject entry)
    {
        var content = entry["message"]?["content"];
        if (Wire.Str(content) is { } text)
        {
            return text;
        }

        var builder = new StringBuilder();
        var any = false;
        foreach (var block in (content as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            switch (Wire.Str(block["type"]))
            {
                case "text":
                    builder.Append(Wire.Str(block["text"]));
                    any = true;
                    break;
                case "tool_result":
                    return null;
            }
        }

        return any ? builder.ToString() : null;
    }

    private async Task CommitAsync(SessionOutput output, IReadOnlyList<JsonObject> entries)
    {
        if (!_persist)
        {
            return;
        }

        Directory.CreateDirectory(ProjectDirectory);
        var lines = new StringBuilder();
        foreach (var entry in entries)
        {
            lines.Append(Encoding.UTF8.GetString(Wire.ToLine(entry).Span));
        }

        await File.AppendAllTextAsync(FilePath, lines.ToString()).ConfigureAwait(false);
        if (_mirror)
        {
            await output.WriteAsync(MirrorFrame(entries)).ConfigureAwait(false);
        }
    }

    private JsonObject MirrorFrame(IReadOnlyList<JsonObject> entries)
    {
        var copies = new JsonArray();
        foreach (var entry in entries)
        {
            copies.Add(entry.DeepClone());
        }

        var frame = new JsonObject { ["type"] = "transcript_mirror", ["filePath"] = FilePath, ["entries"] = copies };
        switch (_scenario.MirrorFault)
        {
            case QoderScenario.MirrorFaultOutsideProjects:
                frame["filePath"] = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ProjectDirectory)!)!, "elsewhere", SessionId + ".jsonl");
                break;
            case QoderScenario.MirrorFaultInvalidSessionId:
                frame["filePath"] = Path.Combine(ProjectDirectory, "not-a-session-id.jsonl");
                break;
            case QoderScenario.MirrorFaultMalformed:
                frame["entries"] = "not an array";
                break;
        }

        return frame;
    }
}
