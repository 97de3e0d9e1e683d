using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the Agent tool (a subagent run; <c>Task</c> in older CLIs). Read it with <c>request.InputAs&lt;QoderAgentToolInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderAgentToolInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "Agent";

    /// <summary>Gets a short description of the task.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Gets the task for the subagent.</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    /// <summary>Gets the subagent to run.</summary>
    [JsonPropertyName("subagent_type")]
    public string? SubagentType { get; init; }

    /// <summary>Gets the subagent's permission mode, such as <c>acceptEdits</c>.</summary>
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    /// <summary>Gets whether the subagent runs in the background.</summary>
    [JsonPropertyName("run_in_background")]
    public bool? RunInBackground { get; init; }

    /// <summary>Gets the teammate name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the team name.</summary>
    [JsonPropertyName("team_name")]
    public string? TeamName { get; init; }

    /// <summary>Gets <c>default</c> or <c>worktree</c>.</summary>
    [JsonPropertyName("isolation")]
    public string? Isolation { get; init; }
}
