using System.Text.Json;

namespace Qoder.AgentSdk.Testing;

/// <summary>
/// What a stand-in process received and did, read from its record file (<c>QODER_STANDIN_RECORD</c>).
/// Environment values and auth secrets are never recorded: only variable names and the auth payload <c>type</c>.
/// </summary>
public sealed class StandInRecording
{
    private StandInRecording()
    {
    }

    /// <summary>The stand-in's process id (of the first start recorded in the file).</summary>
    public int? ProcessId { get; private set; }

    /// <summary>The argv, without the runner (<c>dotnet</c> and the dll).</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <summary>Names of the environment variables the stand-in saw.</summary>
    public IReadOnlyList<string> EnvironmentVariableNames { get; private set; } = [];

    /// <summary>The working directory.</summary>
    public string? WorkingDirectory { get; private set; }

    /// <summary>The <c>type</c> of the SDK auth payload, when one was read.</summary>
    public string? AuthPayloadType { get; private set; }

    /// <summary>Every valid JSON stdin line, in order.</summary>
    public IReadOnlyList<JsonElement> StdinFrames { get; private set; } = [];

    /// <summary>Line numbers of stdin lines that were not valid JSON.</summary>
    public IReadOnlyList<int> InvalidStdinLines { get; private set; } = [];

    /// <summary>Tools that ran.</summary>
    public IReadOnlyList<StandInToolExecution> ToolExecutions { get; private set; } = [];

    /// <summary>One entry per <c>hook_event</c> step played: <c>{"event":…,"outputs":[…]}</c>, the successful hook answers in order.</summary>
    public IReadOnlyList<JsonElement> HookEvents { get; private set; } = [];

    /// <summary>
    /// The transcript the session used (<c>&lt;config-dir&gt;/projects/&lt;key&gt;/&lt;id&gt;.jsonl</c>), recorded before anything
    /// else ran, so also for a launch that failed later; <see langword="null"/> when <c>--resume</c> named an unknown session.
    /// </summary>
    public string? TranscriptPath { get; private set; }
    /// <summary>One entry per <c>control_request</c> step: <c>{"subtype":…,"response":…,"error":…}</c>, the host's answer.</summary>
    public IReadOnlyList<JsonElement> ControlAnswers { get; private set; } = [];

    /// <summary>One entry per <c>get_model_policy</c> asked in pull mode: <c>{"model":…}</c> or <c>{"error":…}</c>.</summary>
    public IReadOnlyList<JsonElement> ModelPolicies { get; private set; } = [];

    /// <summary>Process ids of grandchildren started by <c>spawn_grandchild</c>.</summary>
    public IReadOnlyList<int> GrandchildProcessIds { get; private set; } = [];

    /// <summary>Why the stand-in ended (<c>stdin_eof</c>, <c>crash</c>, <c>exit_step</c>, <c>auth_failure</c>, <c>invalid_stream_json</c>,
    /// <c>initialize_required</c>, <c>unknown_option</c>, <c>invalid_arguments</c>, <c>resume_not_found</c>, <c>cancelled</c>), or <see langword="null"/> if it was killed.</summary>
    public string? ExitReason { get; private set; }

    /// <summary>The exit code the stand-in chose, or <see langword="null"/> if it was killed.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>The stdin frames of one <c>type</c>.</summary>
    /// <param name="type">The frame type, for example <c>user</c>.</param>
    /// <returns>The matching frames.</returns>
    public IReadOnlyList<JsonElement> FramesOfType(string type) =>
        [.. StdinFrames.Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("type", out var t) && t.ValueEquals(type))];

    /// <summary>Reads a record file; a partially written last line is ignored.</summary>
    /// <param name="path">The record path.</param>
    /// <returns>The recording (empty when the file does not exist).</returns>
    public static StandInRecording Load(string path)
    {
        var recording = new StandInRecording();
        if (!File.Exists(path))
        {
            return recording;
        }

        var frames = new List<JsonElement>();
        var invalid = new List<int>();
        var tools = new List<StandInToolExecution>();
        var grandchildren = new List<int>();
        var hookEvents = new List<JsonElement>();
        var controlAnswers = new List<JsonElement>();
        var modelPolicies = new List<JsonElement>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            JsonElement entry;
            try
            {
                using var doc = JsonDocument.Parse(line);
                entry = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            switch (entry.GetProperty("kind").GetString())
            {
                case "start" when recording.ProcessId is null:
                    recording.ProcessId = entry.GetProperty("pid").GetInt32();
                    recording.Arguments = [.. entry.GetProperty("argv").EnumerateArray().Select(a => a.GetString() ?? string.Empty)];
                    recording.EnvironmentVariableNames = [.. entry.GetProperty("env_names").EnumerateArray().Select(a => a.GetString() ?? string.Empty)];
                    recording.WorkingDirectory = entry.GetProperty("cwd").GetString();
                    break;
                case "transcript":
                    recording.TranscriptPath = entry.GetProperty("path").GetString();
                    break;
                case "auth":
                    recording.AuthPayloadType = entry.TryGetProperty("payload_type", out var pt) ? pt.GetString() : null;
                    break;
                case "stdin":
                    frames.Add(entry.GetProperty("frame"));
                    break;
                case "stdin_invalid":
                    invalid.Add(entry.GetProperty("line").GetInt32());
                    break;
                case "tool":
                    tools.Add(new StandInToolExecution(entry.GetProperty("name").GetString()!, entry.GetProperty("tool_use_id").GetString()!, entry.GetProperty("input")));
                    break;
                case "hook_event":
                    hookEvents.Add(entry);
                    break;
                case "control_answer":
                    controlAnswers.Add(entry);
                    break;
                case "model_policy":
                    modelPolicies.Add(entry);
                    break;
                case "grandchild":
                    grandchildren.Add(entry.GetProperty("pid").GetInt32());
                    break;
                case "exit":
                    recording.ExitReason = entry.GetProperty("reason").GetString();
                    recording.ExitCode = entry.GetProperty("code").GetInt32();
                    break;
                default:
                    break;
            }
        }

        recording.StdinFrames = frames;
        recording.InvalidStdinLines = invalid;
        recording.ToolExecutions = tools;
        recording.GrandchildProcessIds = grandchildren;
        recording.HookEvents = hookEvents;
        recording.ControlAnswers = controlAnswers;
        recording.ModelPolicies = modelPolicies;
        return recording;
    }
}
