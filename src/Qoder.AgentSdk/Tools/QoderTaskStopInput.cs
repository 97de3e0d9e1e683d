using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the TaskStop tool. Read it with <c>request.InputAs&lt;QoderTaskStopInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderTaskStopInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "TaskStop";

    /// <summary>Gets the background task to stop.</summary>
    [JsonPropertyName("task_id")]
    public required string TaskId { get; init; }
}
