using System.Text.Json.Nodes;
using Qoder.AgentSdk.Testing.Internal.Transcripts;

namespace Qoder.AgentSdk.Testing.Internal.Session;

/// <summary>What one stand-in session knows: the launch (argv, environment, scenario) and what control requests changed since.</summary>
internal sealed class SessionState
{
    private volatile bool _stdinClosed;
    private volatile bool _waitingForInterrupt;

    public SessionState(
        CliArguments args, QoderScenario scenario, IReadOnlyDictionary<string, string?> environment, RecordWriter? record, string cwd,
        string permissionMode, StandInTranscript transcript, CancellationToken lifetime)
    {
        Args = args;
        Scenario = scenario;
        Environment = environment;
        Record = record;
        Cwd = cwd;
        Lifetime = lifetime;
        SdkMode = !string.IsNullOrEmpty(environment.GetValueOrDefault("QODER_AGENT_SDK_ENTRYPOINT"));
        PromptStdio = args.Get("permission-prompt-tool") == "stdio";
        PartialMessages = args.Has("include-partial-messages");
        MaxTurns = int.TryParse(args.Get("max-turns"), out var max) && max > 0 ? max : 0;
        Model = args.Get("model") ?? scenario.Model;
        PermissionMode = permissionMode;
        Transcript = transcript;
        Resumed = transcript.Resumed;
        SessionId = transcript.SessionId;
    }

    public CliArguments Args { get; }

    /// <summary>The session's transcript on disk (and its mirror).</summary>
    public StandInTranscript Transcript { get; }

    public QoderScenario Scenario { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public RecordWriter? Record { get; }

    public string Cwd { get; }

    /// <summary>Cancelled when the session exits; every wait in the session ends with it.</summary>
    public CancellationToken Lifetime { get; }

    /// <summary>Launched by an Agent SDK (<c>QODER_AGENT_SDK_ENTRYPOINT</c>): authentication and initialize are then required.</summary>
    public bool SdkMode { get; }

    /// <summary><c>--permission-prompt-tool stdio</c>: permission prompts go to the host as <c>can_use_tool</c> requests.</summary>
    public bool PromptStdio { get; }

    /// <summary><c>--max-turns</c>, or 0 for no limit.</summary>
    public int MaxTurns { get; }

    public string SessionId { get; }

    public bool Resumed { get; }

    public string Model { get; set; }

    /// <summary>The model the host chose for the current model call in pull mode; <see langword="null"/> uses <see cref="Model"/>.</summary>
    public string? CallModel { get; set; }

    /// <summary>Initialize had <c>modelPolicyProvider: true</c>: ask the host with <c>get_model_policy</c> before each model call.</summary>
    public bool ModelPolicyPull { get; set; }

    /// <summary>Initialize's <c>memory</c> object: after each turn the stand-in asks the announced gate and reports a <c>memory_generation</c> result.</summary>
    public JsonObject? MemoryConfig { get; set; }

    /// <summary>Initialize's <c>evolution.skill</c> object: every review-threshold turns the stand-in asks the announced gate and reports a <c>skill_evolution</c> result.</summary>
    public JsonObject? SkillEvolutionConfig { get; set; }

    /// <summary>Initialize had <c>resolveSessionArtifacts: true</c>: a <c>resolve_session_artifacts</c> step asks the host.</summary>
    public bool ArtifactsFromHost { get; set; }

    /// <summary>The auth payload named the host as the token provider (<c>jobTokenProvider</c>/<c>serviceAccountTokenProvider</c>).</summary>
    public bool TokenFromHost { get; set; }

    public string PermissionMode { get; set; }

    /// <summary>Stream deltas before each assistant block (<c>--include-partial-messages</c> or initialize's <c>includePartialMessages</c>).</summary>
    public bool PartialMessages { get; set; }

    /// <summary>The <c>type</c> of the SDK auth payload; a <c>jobToken</c> payload makes initialize fetch a token.</summary>
    public string? AuthPayloadType { get; set; }

    /// <summary>The running turn's cancellation, which an interrupt (or stdin EOF during <c>wait_for_interrupt</c>) triggers.</summary>
    public CancellationTokenSource? TurnCancellation { get; set; }

    public bool StdinClosed
    {
        get => _stdinClosed;
        set => _stdinClosed = value;
    }

    /// <summary>A <c>wait_for_interrupt</c> step is waiting: stdin EOF then ends the turn as an interrupt would.</summary>
    public bool WaitingForInterrupt
    {
        get => _waitingForInterrupt;
        set => _waitingForInterrupt = value;
    }
}
