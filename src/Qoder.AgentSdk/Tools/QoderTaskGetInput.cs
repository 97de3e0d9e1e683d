using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the TaskGet tool. Read it with <c>request.InputAs&lt;QoderTaskGetInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderTaskGetInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "TaskGet";

    /// <summary>Gets the task.</summary>
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }
}
