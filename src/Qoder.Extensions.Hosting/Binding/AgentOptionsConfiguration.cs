using Qoder.AgentSdk;
using Qoder.AgentSdk.Sessions;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>
/// The configuration shape of <see cref="QoderAgentOptions"/> (<c>Qoder:Agent</c>): every member configuration can set,
/// and nothing else. The options also hold callbacks, a session store and JSON objects that only code sets; the binding
/// source generator would reject those, so it binds this shape and <see cref="ApplyTo"/> copies what was present.
/// A test keeps its members equal to the configuration schema.
/// </summary>
internal sealed class AgentOptionsConfiguration
{
    public string? CliPath { get; set; }

    public string? Executable { get; set; }

    public bool? AutoInstallCli { get; set; }

    public string? CliCacheDirectory { get; set; }

    public string? WorkingDirectory { get; set; }

    public string? Model { get; set; }

    public QoderPermissionMode? PermissionMode { get; set; }

    public bool? AllowDangerouslySkipPermissions { get; set; }

    public string? PermissionPromptToolName { get; set; }

    public int? MaxTurns { get; set; }

    public string? Settings { get; set; }

    public bool? StrictMcpConfig { get; set; }

    public string? Resume { get; set; }

    public bool? Continue { get; set; }

    public bool? ForkSession { get; set; }

    public string? SessionId { get; set; }

    public string? ResumeSessionAt { get; set; }

    public string? ResumeDropsTurn { get; set; }

    public bool? IncludePartialMessages { get; set; }

    public bool? IncludeHookEvents { get; set; }

    public bool? AllSkills { get; set; }

    public bool? PromptSuggestions { get; set; }

    public bool? PlanMode { get; set; }

    public int? GoalMaxTurns { get; set; }

    public bool? EnableFileCheckpointing { get; set; }

    public string? VpcEndpoint { get; set; }

    public bool? PersistSession { get; set; }

    public QoderSessionStoreFlush? SessionStoreFlush { get; set; }

    public TimeSpan? SessionStoreLoadTimeout { get; set; }

    public TimeSpan? SessionStoreAppendTimeout { get; set; }

    public string? Proxy { get; set; }

    public string? Agent { get; set; }

    public bool? Debug { get; set; }

    public string? SystemPrompt { get; set; }

    public string? AppendSystemPrompt { get; set; }

    public TimeSpan? ResolveModelTimeout { get; set; }

    public TimeSpan? InitializeTimeout { get; set; }

    public TimeSpan? ControlRequestTimeout { get; set; }

    public TimeSpan? InterruptGracePeriod { get; set; }

    public TimeSpan? ShutdownGracePeriod { get; set; }

    public TimeSpan? KillGracePeriod { get; set; }

    public int? MaxLineBytes { get; set; }

    public List<string> ExecutableArgs { get; } = [];

    public List<string> AllowedTools { get; } = [];

    public List<string> DisallowedTools { get; } = [];

    public List<string> AdditionalDirectories { get; } = [];

    public List<string> AllowedMcpServerNames { get; } = [];

    public List<string> Extensions { get; } = [];

    public List<string> PluginDirectories { get; } = [];

    public List<string>? Tools { get; set; }

    public List<string>? SettingSources { get; set; }

    public List<string>? Skills { get; set; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> ExtraArgs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string>? CustomContext { get; set; }

    public SecurityScanConfiguration? SecurityScan { get; set; }

    public MemoryConfiguration? Memory { get; set; }

    public SkillEvolutionConfiguration? SkillEvolution { get; set; }

    public Dictionary<string, McpServerConfiguration> McpServers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SdkMcpServerConfiguration> SdkMcpServers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AgentDefinitionConfiguration> Agents { get; } = new(StringComparer.Ordinal);

    /// <summary>Copies the values the section held onto <paramref name="options"/>: collections grow and maps are overlaid, as the reflection binder did.</summary>
    public void ApplyTo(QoderAgentOptions options)
    {
        options.CliPath = CliPath ?? options.CliPath;
        options.Executable = Executable ?? options.Executable;
        options.AutoInstallCli = AutoInstallCli ?? options.AutoInstallCli;
        options.CliCacheDirectory = CliCacheDirectory ?? options.CliCacheDirectory;
        options.WorkingDirectory = WorkingDirectory ?? options.WorkingDirectory;
        options.Model = Model ?? options.Model;
        options.PermissionMode = PermissionMode ?? options.PermissionMode;
        options.AllowDangerouslySkipPermissions = AllowDangerouslySkipPermissions ?? options.AllowDangerouslySkipPermissions;
        options.PermissionPromptToolName = PermissionPromptToolName ?? options.PermissionPromptToolName;
        options.MaxTurns = MaxTurns ?? options.MaxTurns;
        options.Settings = Settings ?? options.Settings;
        options.StrictMcpConfig = StrictMcpConfig ?? options.StrictMcpConfig;
        options.Resume = Resume ?? options.Resume;
        options.Continue = Continue ?? options.Continue;
        options.ForkSession = ForkSession ?? options.ForkSession;
        options.SessionId = SessionId ?? options.SessionId;
        options.ResumeSessionAt = ResumeSessionAt ?? options.ResumeSessionAt;
        options.ResumeDropsTurn = ResumeDropsTurn ?? options.ResumeDropsTurn;
        options.IncludePartialMessages = IncludePartialMessages ?? options.IncludePartialMessages;
        options.IncludeHookEvents = IncludeHookEvents ?? options.IncludeHookEvents;
        options.AllSkills = AllSkills ?? options.AllSkills;
        options.PromptSuggestions = PromptSuggestions ?? options.PromptSuggestions;
        options.PlanMode = PlanMode ?? options.PlanMode;
        options.GoalMaxTurns = GoalMaxTurns ?? options.GoalMaxTurns;
        options.EnableFileCheckpointing = EnableFileCheckpointing ?? options.EnableFileCheckpointing;
        options.VpcEndpoint = VpcEndpoint ?? options.VpcEndpoint;
        options.PersistSession = PersistSession ?? options.PersistSession;
        options.SessionStoreFlush = SessionStoreFlush ?? options.SessionStoreFlush;
        options.SessionStoreLoadTimeout = SessionStoreLoadTimeout ?? options.SessionStoreLoadTimeout;
        options.SessionStoreAppendTimeout = SessionStoreAppendTimeout ?? options.SessionStoreAppendTimeout;
        options.Proxy = Proxy ?? options.Proxy;
        options.Agent = Agent ?? options.Agent;
        options.Debug = Debug ?? options.Debug;
        options.SystemPrompt = SystemPrompt ?? options.SystemPrompt;
        options.AppendSystemPrompt = AppendSystemPrompt ?? options.AppendSystemPrompt;
        options.ResolveModelTimeout = ResolveModelTimeout ?? options.ResolveModelTimeout;
        options.InitializeTimeout = InitializeTimeout ?? options.InitializeTimeout;
        options.ControlRequestTimeout = ControlRequestTimeout ?? options.ControlRequestTimeout;
        options.InterruptGracePeriod = InterruptGracePeriod ?? options.InterruptGracePeriod;
        options.ShutdownGracePeriod = ShutdownGracePeriod ?? options.ShutdownGracePeriod;
        options.KillGracePeriod = KillGracePeriod ?? options.KillGracePeriod;
        options.MaxLineBytes = MaxLineBytes ?? options.MaxLineBytes;
        BindingMerge.Append(options.ExecutableArgs, ExecutableArgs);
        BindingMerge.Append(options.AllowedTools, AllowedTools);
        BindingMerge.Append(options.DisallowedTools, DisallowedTools);
        BindingMerge.Append(options.AdditionalDirectories, AdditionalDirectories);
        BindingMerge.Append(options.AllowedMcpServerNames, AllowedMcpServerNames);
        BindingMerge.Append(options.Extensions, Extensions);
        BindingMerge.Append(options.PluginDirectories, PluginDirectories);
        options.Tools = BindingMerge.Concat(options.Tools, Tools);
        options.SettingSources = BindingMerge.Concat(options.SettingSources, SettingSources);
        options.Skills = BindingMerge.Concat(options.Skills, Skills);
        BindingMerge.SetAll(options.Environment, Environment);
        BindingMerge.SetAll(options.ExtraArgs, ExtraArgs);
        options.CustomContext = BindingMerge.Overlay(options.CustomContext, CustomContext);
        options.SecurityScan = SecurityScan is null ? options.SecurityScan : SecurityScan.ApplyTo(options.SecurityScan);
        options.Memory = Memory is null ? options.Memory : Memory.ApplyTo(options.Memory);
        options.SkillEvolution = SkillEvolution is null ? options.SkillEvolution : SkillEvolution.ApplyTo(options.SkillEvolution);
        foreach (var (name, server) in McpServers)
        {
            server.ApplyTo(BindingMerge.Entry(options.McpServers, name, static () => new QoderMcpServerConfig()));
        }

        foreach (var (name, server) in SdkMcpServers)
        {
            server.ApplyTo(BindingMerge.Entry(options.SdkMcpServers, name, static () => new QoderSdkMcpServer()));
        }

        foreach (var (name, agent) in Agents)
        {
            agent.ApplyTo(BindingMerge.Entry(options.Agents, name, AgentDefinitionConfiguration.Create));
        }
    }
}
