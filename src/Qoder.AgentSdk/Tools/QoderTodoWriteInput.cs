using System.Text.Json.Serialization;

namespace Qoder.AgentSdk.Tools;

/// <summary>The input of the TodoWrite tool. Read it with <c>request.InputAs&lt;QoderTodoWriteInput&gt;()</c>; fields the CLI adds later are kept in <see cref="QoderToolInput.ExtensionData"/>.</summary>
public sealed record QoderTodoWriteInput : QoderToolInput
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "TodoWrite";

    /// <summary>Gets the whole todo list.</summary>
    [JsonPropertyName("todos")]
    public required IReadOnlyList<QoderTodoItem> Todos { get; init; }
}
