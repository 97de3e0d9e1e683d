using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the TaskCreate tool. Read it with <c>request.InputAs&lt;QoderTaskCreateInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderTaskCreateInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "TaskCreate";

    /// <summary>Gets the task title.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>Gets what the task is.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Gets the title in the present continuous, shown while it runs.</summary>
    [JsonPropertyName("activeForm")]
    public string? ActiveForm { get; init; }

    /// <summary>Gets free-form metadata.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }
}
