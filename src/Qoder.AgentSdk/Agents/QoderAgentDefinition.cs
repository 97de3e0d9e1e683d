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

    internal QoderAgentDefinition Clone() => new()
    {
        Description = Description,
        Prompt = Prompt,
        Tools = Tools is null ? null : [.. Tools],
        DisallowedTools = DisallowedTools is null ? null : [.. DisallowedTools],
        Model = Model,
        MaxTurns = MaxTurns,
    };
}
