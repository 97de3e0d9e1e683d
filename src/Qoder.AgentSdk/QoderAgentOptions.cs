using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Qoder.AgentSdk.Artifacts;
using Qoder.AgentSdk.Elicitation;
using Qoder.AgentSdk.Evolution;
using Qoder.AgentSdk.Memory;
using Qoder.AgentSdk.ModelPolicy;
using Qoder.AgentSdk.Protocol;
using Qoder.AgentSdk.Sessions;

namespace Qoder.AgentSdk;

/// <summary>
/// Everything that shapes one CLI process and its conversation. The argv options map to the CLI exactly as the official
/// SDKs map them (see docs/protocol.md, Launch); the class is a plain settable object so it binds from configuration.
/// </summary>
public sealed class QoderAgentOptions
{
    /// <summary>Gets or sets the CLI to run: a native executable, a <c>.js</c>/<c>.mjs</c> script (run with node) or a <c>.dll</c> (run with dotnet). When unset the CLI is looked up (QODER_CLI_PATH, PATH, the cache).</summary>
    public string? CliPath { get; set; }

    /// <summary>Gets or sets the program that runs a script <see cref="CliPath"/> (<c>node</c> by default for scripts, <c>dotnet</c> for a .dll).</summary>
    public string? Executable { get; set; }

    /// <summary>Gets the arguments put before the script path when <see cref="Executable"/> runs it.</summary>
    public IList<string> ExecutableArgs { get; } = [];

    /// <summary>Gets or sets a value indicating whether to install the pinned CLI with npm into <see cref="CliCacheDirectory"/> when none is found.</summary>
    public bool AutoInstallCli { get; set; } = true;

    /// <summary>Gets or sets where the CLI is installed when <see cref="AutoInstallCli"/> is on; by default a per-user cache folder.</summary>
    public string? CliCacheDirectory { get; set; }

    /// <summary>Gets or sets the working directory of the agent; the host's current directory by default.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Gets the variables set for the CLI on top of the host environment; a <see langword="null"/> value removes a variable.</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Gets or sets how the CLI authenticates. Defaults to the token in <c>QODER_PERSONAL_ACCESS_TOKEN</c>.</summary>
    public QoderAuth Auth { get; set; } = QoderAuth.AccessTokenFromEnv();

    /// <summary>Gets or sets the model to start with (<c>--model</c>).</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the tools the agent may use (<c>--tools</c>); <see langword="null"/> means the SDK default list, empty means none.</summary>
    public IList<string>? Tools { get; set; }

    /// <summary>Gets the tool rules that run without asking (<c>--allowed-tools</c>, one per entry).</summary>
    public IList<string> AllowedTools { get; } = [];

    /// <summary>Gets the tool rules that are always denied (<c>--disallowed-tools</c>, one per entry).</summary>
    public IList<string> DisallowedTools { get; } = [];

    /// <summary>Gets or sets the permission mode to start with (<c>--permission-mode</c>, or <c>--yolo</c>).</summary>
    public QoderPermissionMode? PermissionMode { get; set; }

    /// <summary>Gets or sets a value indicating whether to pass <c>--dangerously-skip-permissions</c>.</summary>
    public bool AllowDangerouslySkipPermissions { get; set; }

    /// <summary>Gets or sets the tool that answers permission prompts (<c>--permission-prompt-tool</c>); exclusive with <see cref="CanUseTool"/>.</summary>
    public string? PermissionPromptToolName { get; set; }

    /// <summary>Gets the extra directories the agent may work in (<c>--add-dir</c>, and merged into the settings).</summary>
    public IList<string> AdditionalDirectories { get; } = [];

    /// <summary>Gets or sets the most model calls in one turn (<c>--max-turns</c>; 0 = unlimited).</summary>
    public int? MaxTurns { get; set; }

    /// <summary>
    /// Gets or sets the CLI settings (<c>--settings</c>) as text: the path of a settings file, or inline JSON. It is passed
    /// verbatim unless additional directories, MCP tool policies, <see cref="SecurityScan"/> or
    /// <see cref="EnableFileCheckpointing"/> must be merged into it; then it is read, rewritten and passed as a new file
    /// (or, for inline JSON, inline). Exclusive with <see cref="SettingsObject"/>.
    /// </summary>
    public string? Settings { get; set; }

    /// <summary>
    /// Gets or sets the CLI settings (<c>--settings</c>) as an object, passed inline after the rewrites of docs/protocol.md
    /// (permission-mode names, additional directories, MCP tool policies, security scan, file checkpointing); an object
    /// that ends up empty passes no flag. Exclusive with <see cref="Settings"/>.
    /// </summary>
    public JsonObject? SettingsObject { get; set; }

    /// <summary>Gets or sets which setting sources the CLI loads (<c>--setting-sources</c>: user, project, local).</summary>
    public IList<string>? SettingSources { get; set; }

    /// <summary>Gets the external MCP servers (<c>--mcp-config</c>).</summary>
    public IDictionary<string, QoderMcpServerConfig> McpServers { get; } = new Dictionary<string, QoderMcpServerConfig>(StringComparer.Ordinal);

    /// <summary>Gets the MCP server names the agent may use (<c>--allowed-mcp-server-names</c>).</summary>
    public IList<string> AllowedMcpServerNames { get; } = [];

    /// <summary>Gets or sets a value indicating whether only <see cref="McpServers"/> are used (<c>--strict-mcp-config</c>).</summary>
    public bool StrictMcpConfig { get; set; }

    /// <summary>Gets the CLI extensions to load (<c>--extensions</c>).</summary>
    public IList<string> Extensions { get; } = [];

    /// <summary>Gets the local plugin directories (<c>--plugin-dir</c>).</summary>
    public IList<string> PluginDirectories { get; } = [];

    /// <summary>Gets or sets the session to resume (<c>--resume</c>); wins over <see cref="Continue"/>.</summary>
    public string? Resume { get; set; }

    /// <summary>Gets or sets a value indicating whether to continue the newest session of the working directory (<c>--continue</c>).</summary>
    public bool Continue { get; set; }

    /// <summary>Gets or sets a value indicating whether a resumed session continues under a new id (<c>--fork-session</c>).</summary>
    public bool ForkSession { get; set; }

    /// <summary>Gets or sets the id of a new session (<c>--session-id</c>).</summary>
    public string? SessionId { get; set; }

    /// <summary>Gets or sets the transcript entry a resumed session is cut at (<c>--resume-session-at</c>).</summary>
    public string? ResumeSessionAt { get; set; }

    /// <summary>
    /// Gets or sets, with <see cref="ResumeSessionAt"/>, the uuid of the prompt whose turn the cut drops
    /// (<c>--resume-drops-turn</c>); the CLI refuses the cut (an error result starting <c>Resume rejected by --resume-drops-turn:</c>)
    /// when the dropped range holds other work. Passed whenever set, even empty.
    /// </summary>
    public string? ResumeDropsTurn { get; set; }

    /// <summary>Gets or sets a value indicating whether token deltas are streamed as <c>stream_event</c> messages (<c>--include-partial-messages</c>).</summary>
    public bool IncludePartialMessages { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the CLI reports hook runs as <c>hook_started</c>/<c>hook_progress</c>/<c>hook_response</c>
    /// system messages for every event (<c>--include-hook-events</c>; without it only SessionStart and Setup hooks are reported).
    /// The official SDK 1.0.39 accepts this option without passing the flag; this client passes it.
    /// </summary>
    public bool IncludeHookEvents { get; set; }

    /// <summary>
    /// Gets or sets the skills enabled for the main session, by name (<c>plugin:skill</c> for a plugin's): each adds a
    /// <c>Skill(&lt;name&gt;)</c> allowed-tool rule and the list is sent in <c>initialize.skills</c>. <see langword="null"/>
    /// leaves the CLI's defaults. A filter of what the model sees, not a security boundary.
    /// </summary>
    public IList<string>? Skills { get; set; }

    /// <summary>Gets or sets a value indicating whether every discovered skill is enabled (adds the <c>Skill</c> allowed-tool rule); exclusive with <see cref="Skills"/>.</summary>
    public bool AllSkills { get; set; }

    /// <summary>Gets or sets a value indicating whether the CLI suggests a next prompt after each turn (<c>initialize.promptSuggestions</c>; <see langword="null"/> leaves the CLI default).</summary>
    public bool? PromptSuggestions { get; set; }

    /// <summary>
    /// Gets or sets the initial plan mode of the main session, applied with <c>set_plan_mode</c> after <c>initialize</c> and
    /// before the first prompt, without changing the permission mode. Needs a CLI that advertises <c>plan_mode_v1</c>;
    /// with another, connecting fails with a <see cref="QoderConfigurationException"/>.
    /// </summary>
    public bool? PlanMode { get; set; }

    /// <summary>
    /// Gets or sets the most turns copied into goals created later in the session (positive). Needs a CLI that advertises
    /// <c>goal_max_turns_v1</c>; the value is sent with <c>set_goal_max_turns</c> after <c>initialize</c>.
    /// </summary>
    public int? GoalMaxTurns { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the CLI keeps file checkpoints so that edits can be rewound: <c>true</c>
    /// also turns on <c>general.fileCheckpointing.enabled</c> in the settings; any value is sent in <c>initialize</c>.
    /// </summary>
    public bool? EnableFileCheckpointing { get; set; }

    /// <summary>
    /// Gets or sets opaque business identifiers sent as <c>custom_context</c> with every prompt (1-8 entries, keys up to 32
    /// and values up to 128 characters, 1024 bytes in all; never credentials or personal data). The backend accepts them
    /// only with service-account authentication on a VPC deployment.
    /// </summary>
    public IDictionary<string, string>? CustomContext { get; set; }

    /// <summary>
    /// Gets or sets the VPC private-deployment endpoint (an instance name or a full VPC domain), written to
    /// <c>QODER_VPC_ENDPOINT</c> for the CLI, trimmed; blank removes the variable. Only CN builds of the CLI use it.
    /// </summary>
    public string? VpcEndpoint { get; set; }

    /// <summary>Gets or sets the CLI's built-in code security checks, written to the settings as <c>securityScan</c>.</summary>
    public QoderSecurityScanOptions? SecurityScan { get; set; }

    /// <summary>Gets or sets prompt patches by model route, forwarded unread in <c>initialize.modelRequestPatches</c> (<c>{"route":[{"action":"edit_system_prompt","content":"…"}]}</c>).</summary>
    public JsonObject? ModelRequestPatches { get; set; }

    /// <summary>Gets or sets a value indicating whether the CLI writes a transcript (<c>--no-session-persistence</c> when false).</summary>
    public bool PersistSession { get; set; } = true;

    /// <summary>
    /// Gets or sets the store that keeps this client's transcripts beyond this machine. When set, the CLI mirrors every
    /// transcript entry it commits (<c>--session-mirror</c>) and the client appends them to the store before it passes on
    /// each result; <see cref="Resume"/> and <see cref="Continue"/> load the session from the store when it holds it
    /// (docs/session-store.md). Cannot be combined with <see cref="PersistSession"/> set to false.
    /// </summary>
    public IQoderSessionStore? SessionStore { get; set; }

    /// <summary>Gets or sets when mirrored entries are appended to <see cref="SessionStore"/>; batched by default.</summary>
    public QoderSessionStoreFlush SessionStoreFlush { get; set; } = QoderSessionStoreFlush.Batched;

    /// <summary>Gets or sets how long loading a session from <see cref="SessionStore"/> may take before start-up fails.</summary>
    public TimeSpan SessionStoreLoadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long one append to <see cref="SessionStore"/> may take before it is reported as failed.</summary>
    public TimeSpan SessionStoreAppendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the proxy URL (<c>--proxy</c>).</summary>
    public string? Proxy { get; set; }

    /// <summary>Gets or sets the named agent to run (<c>--agent</c>).</summary>
    public string? Agent { get; set; }

    /// <summary>Gets or sets a value indicating whether the CLI runs with <c>--debug</c>.</summary>
    public bool Debug { get; set; }

    /// <summary>Gets extra flags, in order: key <c>name</c> becomes <c>--name</c>, followed by the value unless it is <see langword="null"/>.</summary>
    public IDictionary<string, string?> ExtraArgs { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Gets or sets a system prompt that replaces the CLI's (sent in <c>initialize</c>).</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Gets or sets text appended to the CLI's system prompt (sent in <c>initialize</c>).</summary>
    public string? AppendSystemPrompt { get; set; }

    /// <summary>
    /// Gets or sets the callback that decides each tool call the CLI asks about. When set, the CLI is started with
    /// <c>--permission-prompt-tool stdio</c>. A callback that throws denies the call with the exception's message.
    /// </summary>
    public Func<QoderToolPermissionRequest, CancellationToken, ValueTask<QoderToolPermissionResult>>? CanUseTool { get; set; }

    /// <summary>Gets the hook callbacks, registered on <c>initialize</c> (<c>options.Hooks.Add(QoderHookEvent.PreToolUse, "Write|Bash", 30, callback)</c>).</summary>
    public QoderHookCollection Hooks { get; } = new();

    /// <summary>
    /// Gets the in-process MCP servers by name. They are announced in <c>initialize.sdkMcpServers</c> (never in
    /// <c>--mcp-config</c>) and served over the control channel; the agent sees their tools as <c>mcp__&lt;name&gt;__&lt;tool&gt;</c>.
    /// </summary>
    public IDictionary<string, QoderSdkMcpServer> SdkMcpServers { get; } = new Dictionary<string, QoderSdkMcpServer>(StringComparer.Ordinal);

    /// <summary>Gets the subagents the agent may delegate to, by name (sent in <c>initialize.agents</c>).</summary>
    public IDictionary<string, QoderAgentDefinition> Agents { get; } = new Dictionary<string, QoderAgentDefinition>(StringComparer.Ordinal);

    /// <summary>Gets or sets a callback that receives every chunk the CLI writes to stderr.</summary>
    public Action<string>? Stderr { get; set; }

    /// <summary>
    /// Gets or sets the model policy in pull mode: when set, <c>initialize</c> says <c>modelPolicyProvider: true</c> and the
    /// CLI asks before each model call (<c>get_model_policy</c>); the callback alone decides the model (<see cref="Model"/>
    /// and the CLI's router are bypassed). <see langword="null"/> from the callback leaves the CLI's own choice. A callback
    /// that throws or runs past <see cref="ResolveModelTimeout"/> fails that model call; nothing falls back silently.
    /// </summary>
    public Func<QoderModelPolicyContext, CancellationToken, ValueTask<QoderModelPolicy?>>? ResolveModel { get; set; }

    /// <summary>Gets or sets how long <see cref="ResolveModel"/> may take (500 ms, as in the official SDK); then the CLI gets a <see cref="QoderModelPolicyTimeoutException"/> message.</summary>
    public TimeSpan ResolveModelTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the callback that answers MCP elicitations (a server asking the user); without one they are answered <c>cancel</c>, as the official SDKs do.</summary>
    public Func<QoderElicitationRequest, CancellationToken, ValueTask<QoderElicitationResult>>? OnElicitation { get; set; }

    /// <summary>
    /// Gets or sets the callback run, at most once per client, when the credentials turn out expired or invalid: the CLI
    /// exits with code 41, writes an <c>authentication_failed</c> assistant message, or an <c>auth_status</c> with an error.
    /// It runs on the client's read loop: keep it short (start a re-authentication elsewhere).
    /// </summary>
    public Action? OnAuthExpired { get; set; }

    /// <summary>
    /// Gets or sets the Qoder Cloud agent and session to run on instead of starting the CLI (experimental, as the official
    /// SDK's <c>experimentalCloudAgent</c>): <see cref="QoderQuery.RunAsync(string, QoderAgentOptions?, CancellationToken)"/>
    /// then talks to the Cloud API over HTTP (see <see cref="CloudAgent.QoderCloudAgent"/>).
    /// </summary>
    public CloudAgent.CloudAgentOptions? ExperimentalCloudAgent { get; set; }

    /// <summary>
    /// Gets or sets the CLI's memory for this client (sent in <c>initialize.memory</c>): scopes, generation after turns with
    /// an optional host gate (<c>memory_should_generate</c>), injected files and result callbacks. <see langword="null"/>
    /// (the default) uses no SDK memory. When set, disposing the client first waits for pending generation (<c>flush_memory</c>).
    /// </summary>
    public QoderMemoryOptions? Memory { get; set; }

    /// <summary>
    /// Gets or sets the CLI's skill evolution (sent in <c>initialize.evolution.skill</c>): reviews after turns that suggest
    /// skills, with an optional host gate (<c>skill_evolution_should_review</c>). When it sends a configuration, disposing
    /// the client first waits for a pending review (<c>flush_skill_evolution</c>).
    /// </summary>
    public QoderSkillEvolutionOptions? SkillEvolution { get; set; }

    /// <summary>
    /// Gets or sets the callback that returns the host's artifact snapshot of a session when the CLI asks
    /// (<c>resolve_session_artifacts</c>; <c>initialize</c> then says <c>resolveSessionArtifacts: true</c>). The list replaces
    /// the CLI's snapshot (empty clears it); a callback that throws leaves the CLI's snapshot in effect.
    /// </summary>
    public Func<QoderSessionArtifactsRequest, CancellationToken, ValueTask<IReadOnlyList<QoderArtifactInfo>>>? ResolveSessionArtifacts { get; set; }
    /// <summary>Gets or sets a callback that receives the CLI's stderr one line at a time, without the line break (a last line without one is passed at exit).</summary>
    public Action<string>? StderrLine { get; set; }

    /// <summary>Gets or sets how long to wait for the answer to <c>initialize</c> (the CLI takes seconds to start).</summary>
    public TimeSpan InitializeTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets or sets how long to wait for the answer to other control requests; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan ControlRequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long a cancelled turn may take to end after its interrupt before the process is killed.</summary>
    public TimeSpan InterruptGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long the CLI may take to exit after stdin is closed before it gets SIGTERM.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long the CLI may take to exit after SIGTERM before its whole process tree is killed.</summary>
    public TimeSpan KillGracePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the longest line, in UTF-8 bytes, accepted in either direction.</summary>
    public int MaxLineBytes { get; set; } = QoderCliDefaults.MaxLineBytes;

    /// <summary>Creates a copy with its own collections; callbacks, hook registrations, MCP tools and <see cref="Auth"/> are shared.</summary>
    /// <returns>The copy.</returns>
    public QoderAgentOptions Clone()
    {
        var copy = new QoderAgentOptions
        {
            CliPath = CliPath,
            Executable = Executable,
            AutoInstallCli = AutoInstallCli,
            CliCacheDirectory = CliCacheDirectory,
            WorkingDirectory = WorkingDirectory,
            Auth = Auth,
            Model = Model,
            Tools = Tools is null ? null : [.. Tools],
            PermissionMode = PermissionMode,
            AllowDangerouslySkipPermissions = AllowDangerouslySkipPermissions,
            PermissionPromptToolName = PermissionPromptToolName,
            MaxTurns = MaxTurns,
            Settings = Settings,
            SettingsObject = SettingsObject?.DeepClone().AsObject(),
            ResumeDropsTurn = ResumeDropsTurn,
            IncludeHookEvents = IncludeHookEvents,
            Skills = Skills is null ? null : [.. Skills],
            AllSkills = AllSkills,
            PromptSuggestions = PromptSuggestions,
            PlanMode = PlanMode,
            GoalMaxTurns = GoalMaxTurns,
            EnableFileCheckpointing = EnableFileCheckpointing,
            CustomContext = CustomContext is null ? null : new Dictionary<string, string>(CustomContext, StringComparer.Ordinal),
            VpcEndpoint = VpcEndpoint,
            SecurityScan = SecurityScan?.Clone(),
            ModelRequestPatches = ModelRequestPatches?.DeepClone().AsObject(),
            StderrLine = StderrLine,
            SettingSources = SettingSources is null ? null : [.. SettingSources],
            StrictMcpConfig = StrictMcpConfig,
            Resume = Resume,
            Continue = Continue,
            ForkSession = ForkSession,
            SessionId = SessionId,
            ResumeSessionAt = ResumeSessionAt,
            IncludePartialMessages = IncludePartialMessages,
            PersistSession = PersistSession,
            SessionStore = SessionStore,
            SessionStoreFlush = SessionStoreFlush,
            SessionStoreLoadTimeout = SessionStoreLoadTimeout,
            SessionStoreAppendTimeout = SessionStoreAppendTimeout,
            Proxy = Proxy,
            Agent = Agent,
            Debug = Debug,
            SystemPrompt = SystemPrompt,
            AppendSystemPrompt = AppendSystemPrompt,
            CanUseTool = CanUseTool,
            Stderr = Stderr,
            ResolveModel = ResolveModel,
            ResolveModelTimeout = ResolveModelTimeout,
            OnElicitation = OnElicitation,
            OnAuthExpired = OnAuthExpired,
            ExperimentalCloudAgent = ExperimentalCloudAgent,
            Memory = Memory?.Clone(),
            SkillEvolution = SkillEvolution?.Clone(),
            ResolveSessionArtifacts = ResolveSessionArtifacts,
            InitializeTimeout = InitializeTimeout,
            ControlRequestTimeout = ControlRequestTimeout,
            InterruptGracePeriod = InterruptGracePeriod,
            ShutdownGracePeriod = ShutdownGracePeriod,
            KillGracePeriod = KillGracePeriod,
            MaxLineBytes = MaxLineBytes,
        };
        CopyInto(ExecutableArgs, copy.ExecutableArgs);
        CopyInto(AllowedTools, copy.AllowedTools);
        CopyInto(DisallowedTools, copy.DisallowedTools);
        CopyInto(AdditionalDirectories, copy.AdditionalDirectories);
        CopyInto(AllowedMcpServerNames, copy.AllowedMcpServerNames);
        CopyInto(Extensions, copy.Extensions);
        CopyInto(PluginDirectories, copy.PluginDirectories);
        CopyInto(Environment, copy.Environment);
        CopyInto(ExtraArgs, copy.ExtraArgs);
        foreach (var (name, server) in McpServers)
        {
            copy.McpServers[name] = server.Clone();
        }

        Hooks.CopyTo(copy.Hooks);
        foreach (var (name, server) in SdkMcpServers)
        {
            copy.SdkMcpServers[name] = server.Clone();
        }

        foreach (var (name, agent) in Agents)
        {
            copy.Agents[name] = agent.Clone();
        }

        return copy;
    }

    /// <summary>
    /// Gets an opaque identity of everything that shapes a process started with these options: equal identities start
    /// identical processes (same argv, environment, credentials, <c>initialize</c> request and client settings), so a
    /// pool may hand a process started for one to a caller that asked for the other. It holds no secret: a token enters
    /// only as a truncated SHA-256 fingerprint, and the whole is hashed. Callbacks count by presence, not by instance.
    /// </summary>
    /// <returns>A hexadecimal string.</returns>
    public string GetLaunchIdentity()
    {
        var w = new IdentityWriter();
        w.Add(CliPath).Add(Executable).Add(ExecutableArgs).Add(AutoInstallCli).Add(CliCacheDirectory).Add(WorkingDirectory);
        w.Add(Environment.OrderBy(e => e.Key, StringComparer.Ordinal)).Add(Auth.LaunchFingerprint).Add(Model).Add(Tools);
        w.Add(AllowedTools).Add(DisallowedTools).Add(PermissionMode?.ToString()).Add(AllowDangerouslySkipPermissions);
        w.Add(PermissionPromptToolName).Add(AdditionalDirectories).Add(MaxTurns).Add(Settings).Add(SettingSources);
        w.Add(McpServers.Count == 0 ? null : Transport.LaunchArguments.BuildMcpConfig(McpServers));
        w.Add(SettingsObject?.ToJsonString()).Add(ResumeDropsTurn).Add(IncludeHookEvents).Add(Skills).Add(AllSkills);
        w.Add(PromptSuggestions?.ToString()).Add(PlanMode?.ToString()).Add(GoalMaxTurns).Add(EnableFileCheckpointing?.ToString());
        w.Add((CustomContext ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal)).Add(CustomContext is null).Add(VpcEndpoint);
        w.Add(SecurityScan is null ? null : $"{SecurityScan.L1StaticCheck}{SecurityScan.L2LightweightScan}{SecurityScan.L3DeepScan}");
        w.Add(ModelRequestPatches?.ToJsonString()).Add(StderrLine is not null);

        w.Add(AllowedMcpServerNames).Add(StrictMcpConfig).Add(Extensions).Add(PluginDirectories).Add(Resume).Add(Continue);
        w.Add(ForkSession).Add(SessionId).Add(ResumeSessionAt).Add(IncludePartialMessages).Add(PersistSession).Add(Proxy);
        w.Add(SessionStore is not null).Add(SessionStoreFlush.ToString()).Add(SessionStoreLoadTimeout).Add(SessionStoreAppendTimeout);
        w.Add(Agent).Add(Debug).Add(ExtraArgs).Add(SystemPrompt).Add(AppendSystemPrompt).Add(CanUseTool is not null);
        w.Add(ResolveModel is not null).Add(ResolveModelTimeout).Add(OnElicitation is not null).Add(OnAuthExpired is not null);
        w.Add(ExperimentalCloudAgent is not null);
        w.Add(Control.FeatureConfigJson.Memory(Memory)?.ToJsonString()).Add(Control.FeatureConfigJson.Evolution(SkillEvolution)?.ToJsonString());
        w.Add(Memory?.Generation?.OnResult is not null).Add(Memory?.Consumption?.OnResult is not null).Add(SkillEvolution?.OnResult is not null);
        w.Add(ResolveSessionArtifacts is not null);
        foreach (var hook in Hooks)
        {
            w.Add(hook.Event.ToString()).Add(hook.Matcher).Add(hook.TimeoutSeconds).Add(hook.Callbacks.Count);
        }

        foreach (var (name, server) in SdkMcpServers.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Add(name).Add(server.Version).Add(server.Instructions).Add(server.Tools.Select(t => t.ProtocolTool.Name));
            w.Add(Transport.McpConfigJson.ToolOverrides(name, server.ToolPolicies)?.ToJsonString());
            w.Add(server.ToolPolicies.Select(p => $"{p.Name}\0{p.PermissionPolicy}"));
        }

        w.Add(Agents.Count == 0 ? null : Control.ControlRequests.Agents(Agents).ToJsonString());

        w.Add(Stderr is not null).Add(InitializeTimeout).Add(ControlRequestTimeout).Add(InterruptGracePeriod);
        w.Add(ShutdownGracePeriod).Add(KillGracePeriod).Add(MaxLineBytes);
        return w.ToHash();
    }

    private static void CopyInto<T>(ICollection<T> source, ICollection<T> target)
    {
        foreach (var item in source)
        {
            target.Add(item);
        }
    }

    // Length-prefixed fields, so that no two different option sets write the same text.
    private sealed class IdentityWriter
    {
        private readonly StringBuilder _text = new();

        public IdentityWriter Add(string? value)
        {
            _text.Append(value is null ? -1 : value.Length).Append(':').Append(value).Append('|');
            return this;
        }

        public IdentityWriter Add(bool value) => Add(value ? "1" : "0");

        public IdentityWriter Add(int? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

        public IdentityWriter Add(TimeSpan value) => Add(value.Ticks.ToString(CultureInfo.InvariantCulture));

        public IdentityWriter Add(IEnumerable<string>? values) => values is null ? Add((string?)null) : Add(string.Concat(values.Select(v => v.Length.ToString(CultureInfo.InvariantCulture) + ":" + v + "|")));

        public IdentityWriter Add<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs) => Add(pairs.SelectMany(p => new[] { p.Key, p.Value as string ?? "\0" }));

        public string ToHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));
    }
}
