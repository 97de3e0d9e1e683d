namespace Qoder.AgentSdk;

/// <summary>A subagent the main agent can delegate to (an entry of <c>initialize.agents</c>).</summary>
public sealed class QoderAgentDefinition
{
    /// <summary>Gets or sets when to use the subagent; the model reads this to decide.</summary>
    public required string Description { get; set; }

    /// <summary>Gets or sets the subagent's system prompt.</summary>
    public required string Prompt { get; set; }

    /// <summary>Gets or sets the tools the subagent may use; <see langword="null"/> inherits the main agent's.</summary>
    public IList<string>? Tools { get; set; }

    /// <summary>Gets or sets tools the subagent may not use.</summary>
    public IList<string>? DisallowedTools { get; set; }

    /// <summary>Gets or sets the subagent's model; <see langword="null"/> inherits the main agent's.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the most model calls of one subagent run.</summary>
    public int? MaxTurns { get; set; }

    /// <summary>Gets or sets the MCP servers the subagent may use, by reference or inline.</summary>
    public IList<QoderAgentMcpServer>? McpServers { get; set; }

    /// <summary>Gets or sets the skills the subagent may use, by name.</summary>
    public IList<string>? Skills { get; set; }

    /// <summary>Gets or sets a first message the subagent receives before its task.</summary>
    public string? InitialPrompt { get; set; }

    /// <summary>Gets or sets the reasoning effort: <c>low</c>, <c>medium</c>, <c>high</c> or <c>max</c>.</summary>
    public string? Effort { get; set; }

    /// <summary>Gets or sets the subagent's permission mode; <see langword="null"/> inherits the main agent's.</summary>
    public QoderPermissionMode? PermissionMode { get; set; }

    /// <summary>Gets or sets a value indicating whether the subagent always runs in the background; <see langword="null"/> leaves it to the CLI.</summary>
    public bool? Background { get; set; }

    /// <summary>Gets or sets the persistent memory scope loaded for the subagent: <c>user</c>, <c>project</c> or <c>local</c>.</summary>
    public string? Memory { get; set; }

    /// <summary>Gets or sets the isolation of the subagent: <c>worktree</c> runs it in a temporary git worktree.</summary>
    public string? Isolation { get; set; }

    internal QoderAgentDefinition Clone() => new()
    {
        Description = Description,
        Prompt = Prompt,
        Tools = Tools is null ? null : [.. Tools],
        DisallowedTools = DisallowedTools is null ? null : [.. DisallowedTools],
        Model = Model,
        MaxTurns = MaxTurns,
        McpServers = McpServers is null ? null : [.. McpServers.Select(s => s.Clone())],
        Skills = Skills is null ? null : [.. Skills],
        InitialPrompt = InitialPrompt,
        Effort = Effort,
        PermissionMode = PermissionMode,
        Background = Background,
        Memory = Memory,
        Isolation = Isolation,
    };
}
