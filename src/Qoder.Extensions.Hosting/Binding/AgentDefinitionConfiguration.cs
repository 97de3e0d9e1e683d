using Qoder.AgentSdk;

namespace Qoder.Extensions.Hosting.Binding;

/// <summary>The configuration shape of a <see cref="QoderAgentDefinition"/> (entries of <c>Qoder:Agent:Agents</c>; its MCP servers are code).</summary>
internal sealed class AgentDefinitionConfiguration
{
    public string? Description { get; set; }

    public string? Prompt { get; set; }

    public List<string>? Tools { get; set; }

    public List<string>? DisallowedTools { get; set; }

    public string? Model { get; set; }

    public int? MaxTurns { get; set; }

    public List<string>? Skills { get; set; }

    public string? InitialPrompt { get; set; }

    public string? Effort { get; set; }

    public QoderPermissionMode? PermissionMode { get; set; }

    public bool? Background { get; set; }

    public string? Memory { get; set; }

    public string? Isolation { get; set; }

    /// <summary>A new definition as the reflection binder created it: missing required values stay unset for the CLI to reject.</summary>
    public static QoderAgentDefinition Create() => new() { Description = null!, Prompt = null! };

    public void ApplyTo(QoderAgentDefinition agent)
    {
        agent.Description = Description ?? agent.Description;
        agent.Prompt = Prompt ?? agent.Prompt;
        agent.Tools = BindingMerge.Concat(agent.Tools, Tools);
        agent.DisallowedTools = BindingMerge.Concat(agent.DisallowedTools, DisallowedTools);
        agent.Model = Model ?? agent.Model;
        agent.MaxTurns = MaxTurns ?? agent.MaxTurns;
        agent.Skills = BindingMerge.Concat(agent.Skills, Skills);
        agent.InitialPrompt = InitialPrompt ?? agent.InitialPrompt;
        agent.Effort = Effort ?? agent.Effort;
        agent.PermissionMode = PermissionMode ?? agent.PermissionMode;
        agent.Background = Background ?? agent.Background;
        agent.Memory = Memory ?? agent.Memory;
        agent.Isolation = Isolation ?? agent.Isolation;
    }
}
