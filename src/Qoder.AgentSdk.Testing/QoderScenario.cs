using System.Text.Json;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal;

namespace Qoder.AgentSdk.Testing;

/// <summary>
/// What the stand-in CLI does: identity (model, versions, session id), scripted turns, and faults.
/// Build it fluently (<see cref="Create"/>) or load it from a JSON file (<see cref="Load"/>); the format is in docs/testing.md.
/// </summary>
public sealed class QoderScenario
{
    /// <summary>The model reported in <c>system/init</c> unless <c>--model</c> or <c>set_model</c> changes it.</summary>
    public string Model { get; set; } = "auto";

    /// <summary><c>system/init.protocol_version</c>; set a different major (for example <c>2.0.0</c>) to test the version check.</summary>
    public string ProtocolVersion { get; set; } = "1.4.0";

    /// <summary><c>system/init.qodercli_version</c>.</summary>
    public string CliVersion { get; set; } = "1.1.52";

    /// <summary>Session id of a new session; a random UUID when unset (<c>--session-id</c> and <c>--resume</c> win).</summary>
    public string? SessionId { get; set; }

    /// <summary>Built-in tool names listed in <c>system/init.tools</c> (in-process MCP tools are appended).</summary>
    public IList<string> Tools { get; set; } = ["Agent", "Bash", "Edit", "Glob", "Grep", "NotebookEdit", "Read", "Skill", "TaskCreate", "TaskGet", "TaskList", "TaskUpdate", "WebFetch", "WebSearch", "Write"];

    /// <summary>
    /// The protocol capabilities advertised in <c>system/init</c> and the <c>initialize</c> response; <see langword="null"/>
    /// for those of the real CLI 1.1.52. A request whose capability is missing is refused as an older CLI refuses it.
    /// </summary>
    public IList<string>? Capabilities { get; set; }

    /// <summary>
    /// The model catalog (one <c>ModelInfo</c> object per model: <c>value</c>, <c>displayName</c>, <c>isDefault</c>, …) in the
    /// initialize response, <c>system/available_models_update</c> and each <c>get_model_policy</c>; empty by default, as offline.
    /// </summary>
    public IList<JsonObject> Models { get; set; } = [];

    /// <summary>
    /// Scripted answers to typed control requests by subtype, replacing the built-in answer: <c>{"response": {…}}</c>
    /// answers with that body, <c>{"error": "…", "code": "…"}</c> with a control error.
    /// </summary>
    public IDictionary<string, JsonObject> ControlResponses { get; set; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    /// <summary>When set, SDK-mode authentication fails with this outcome.</summary>
    public QoderScenarioAuthFailure? AuthFailure { get; set; }

    /// <summary>Steps played at process start, before stdin is read (faults such as a slow start, a crash or a grandchild).</summary>
    public IList<QoderScenarioStep> Startup { get; set; } = [];

    /// <summary>Steps played when <c>initialize</c> arrives, before it is answered.</summary>
    public IList<QoderScenarioStep> OnInitialize { get; set; } = [];

    /// <summary>Turn scripts, consumed in order; turns beyond the list reply with <see cref="DefaultReply"/>.</summary>
    public IList<QoderScenarioTurn> Turns { get; set; } = [];

    /// <summary>The assistant text of unscripted turns.</summary>
    public string DefaultReply { get; set; } = "OK";

    /// <summary>Exit code after stdin EOF.</summary>
    public int ExitCode { get; set; }

    /// <summary>Delay between stdin EOF and the exit, milliseconds.</summary>
    public int ExitDelayMs { get; set; }

    /// <summary>
    /// Whether <c>--resume</c> of a session without a transcript starts an empty session with that id. By default the
    /// stand-in fails like the real CLI: <c>Error resuming session: Invalid session identifier …</c> on stderr, exit 42.
    /// </summary>
    public bool AcceptUnknownResume { get; set; }

    /// <summary>
    /// Corrupts every <c>transcript_mirror</c> frame (the transcript on disk stays correct): <see cref="MirrorFaultOutsideProjects"/>,
    /// <see cref="MirrorFaultInvalidSessionId"/> or <see cref="MirrorFaultMalformed"/>; <see langword="null"/> for none.
    /// </summary>
    public string? MirrorFault { get; set; }

    /// <summary>A <see cref="MirrorFault"/>: the frame's <c>filePath</c> lies outside any <c>projects</c> folder.</summary>
    public const string MirrorFaultOutsideProjects = "outside_projects";

    /// <summary>A <see cref="MirrorFault"/>: the frame's file name is not a session UUID.</summary>
    public const string MirrorFaultInvalidSessionId = "invalid_session_id";

    /// <summary>A <see cref="MirrorFault"/>: the frame's <c>entries</c> is not an array.</summary>
    public const string MirrorFaultMalformed = "malformed";

    /// <summary>
    /// In a text step (or <see cref="DefaultReply"/>), replaced by the session's earlier user prompts, oldest first, joined
    /// by <see cref="PreviousPromptsSeparator"/>: those of the transcript a resume loaded, then those this process received
    /// before the current turn. Proves that a resumed session kept its history.
    /// </summary>
    public const string PreviousPromptsPlaceholder = "{{previous_prompts}}";

    /// <summary>Joins the prompts that replace <see cref="PreviousPromptsPlaceholder"/>.</summary>
    public const string PreviousPromptsSeparator = " | ";

    /// <summary>Starts an empty scenario (unscripted turns answer <see cref="DefaultReply"/>).</summary>
    /// <returns>A new scenario.</returns>
    public static QoderScenario Create() => new();

    /// <summary>Answers every <paramref name="subtype"/> control request with <paramref name="response"/> (see <see cref="ControlResponses"/>).</summary>
    /// <param name="subtype">The request subtype, such as <c>get_byok_config</c>.</param>
    /// <param name="response">The response body; <see langword="null"/> for none.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario AnswerControl(string subtype, JsonObject? response)
    {
        ControlResponses[subtype] = new JsonObject { ["response"] = response };
        return this;
    }

    /// <summary>Refuses every <paramref name="subtype"/> control request with a control error (see <see cref="ControlResponses"/>).</summary>
    /// <param name="subtype">The request subtype.</param>
    /// <param name="error">The error message.</param>
    /// <param name="code">The error code, if any.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario RefuseControl(string subtype, string error, string? code = null)
    {
        ControlResponses[subtype] = new JsonObject { ["error"] = error, ["code"] = code };
        return this;
    }

    /// <summary>Sets <see cref="Model"/>.</summary>
    /// <param name="model">The model name.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario WithModel(string model)
    {
        Model = model;
        return this;
    }

    /// <summary>Sets <see cref="ProtocolVersion"/>.</summary>
    /// <param name="protocolVersion">The version string.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario WithProtocolVersion(string protocolVersion)
    {
        ProtocolVersion = protocolVersion;
        return this;
    }

    /// <summary>Sets <see cref="SessionId"/>.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario WithSessionId(string sessionId)
    {
        SessionId = sessionId;
        return this;
    }

    /// <summary>Sets <see cref="AcceptUnknownResume"/>: <c>--resume</c> of an id without a transcript starts an empty session.</summary>
    /// <returns>This scenario.</returns>
    public QoderScenario AcceptingUnknownResume()
    {
        AcceptUnknownResume = true;
        return this;
    }

    /// <summary>Sets <see cref="MirrorFault"/>.</summary>
    /// <param name="fault">One of the <c>MirrorFault…</c> constants.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario WithMirrorFault(string fault)
    {
        MirrorFault = fault;
        return this;
    }

    /// <summary>Advertises the real CLI 1.1.52's capabilities except <paramref name="capabilities"/>, to play an older CLI.</summary>
    /// <param name="capabilities">The capabilities to leave out, such as <c>goal_v1</c>.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario WithoutCapabilities(params string[] capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        Capabilities = [.. Wire.CapabilitiesOf(this).Where(c => !capabilities.Contains(c, StringComparer.Ordinal))];
        return this;
    }

    /// <summary>Sets the exit code and delay after stdin EOF.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="delay">The delay before exiting.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario ExitOnEof(int exitCode, TimeSpan delay = default)
    {
        ExitCode = exitCode;
        ExitDelayMs = (int)delay.TotalMilliseconds;
        return this;
    }

    /// <summary>Makes SDK-mode authentication fail (one error <c>result</c>, exit 41).</summary>
    /// <param name="terminalReason">The <c>terminal_reason</c>.</param>
    /// <param name="message">The error text; a default matching the reason is used when <see langword="null"/>.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario FailAuthentication(string terminalReason = "access_token_invalid", string? message = null)
    {
        AuthFailure = new QoderScenarioAuthFailure { TerminalReason = terminalReason };
        if (message is not null)
        {
            AuthFailure.Message = message;
        }

        return this;
    }

    /// <summary>Adds steps played at process start, before stdin is read.</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario OnStartup(Action<QoderScenarioTurnBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new QoderScenarioTurnBuilder(new QoderScenarioTurn { Steps = Startup });
        configure(builder);
        return this;
    }

    /// <summary>Adds steps played when <c>initialize</c> arrives, before it is answered.</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario OnInitializeRequest(Action<QoderScenarioTurnBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new QoderScenarioTurnBuilder(new QoderScenarioTurn { Steps = OnInitialize });
        configure(builder);
        return this;
    }

    /// <summary>Appends a scripted turn.</summary>
    /// <param name="configure">Adds the turn's steps and result.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario Turn(Action<QoderScenarioTurnBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var turn = new QoderScenarioTurn();
        configure(new QoderScenarioTurnBuilder(turn));
        Turns.Add(turn);
        return this;
    }

    /// <summary>Appends a turn that answers with one text block.</summary>
    /// <param name="text">The assistant text.</param>
    /// <returns>This scenario.</returns>
    public QoderScenario Reply(string text) => Turn(t => t.Text(text));

    /// <summary>Serializes the scenario to the documented JSON format.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJsonContext.Default.QoderScenario);

    /// <summary>Parses a scenario from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="JsonException">The text is not a valid scenario.</exception>
    public static QoderScenario FromJson(string json) =>
        JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.QoderScenario) ?? throw new JsonException("The scenario JSON is null.");

    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario.</returns>
    public static QoderScenario Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Writes the scenario to a file.</summary>
    /// <param name="path">The file path.</param>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>A fresh copy of <see cref="Models"/> for one message.</summary>
    internal JsonArray ModelCatalog() => new([.. Models.Select(m => (JsonNode?)m.DeepClone())]);
}
