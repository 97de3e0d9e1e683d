using System.Text.Json.Nodes;

namespace Qoder.AgentSdk.Testing;

/// <summary>
/// One scripted step of the stand-in: a model content block (<c>text</c>, <c>thinking</c>, <c>tool_use</c>),
/// a message boundary (<c>new_message</c>), or an action or fault (<c>delay</c>, <c>wait_for_interrupt</c>,
/// <c>emit</c>, <c>hook_event</c>, <c>crash</c>, <c>exit</c>, <c>hang</c>, <c>raw_line</c>, <c>oversized_line</c>, <c>stderr</c>,
/// <c>stderr_flood</c>, <c>spawn_grandchild</c>). Only the properties of the chosen <see cref="Type"/> are read.
/// </summary>
public sealed class QoderScenarioStep
{
    /// <summary>The step kind, for example <c>text</c> or <c>tool_use</c>.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Text of a <c>text</c> or <c>thinking</c> block; the text written by <c>stderr</c> and <c>crash</c>; the line written by <c>raw_line</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Partial-message chunks streamed before a <c>text</c> block; defaults to the whole text as one delta.</summary>
    public IList<string>? Deltas { get; set; }

    /// <summary>Tool name of a <c>tool_use</c> block (<c>mcp__server__tool</c> for an in-process MCP tool); hook event name of a <c>hook_event</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Tool input of a <c>tool_use</c> block; the event's own input fields of a <c>hook_event</c>.</summary>
    public JsonObject? Input { get; set; }

    /// <summary>Optional fixed tool_use id; a <c>toolu_&lt;uuid&gt;</c> id is generated otherwise.</summary>
    public string? Id { get; set; }

    /// <summary>Tool output text for a built-in tool; defaults to what the real tool reports (Write) or an empty string.</summary>
    public string? Result { get; set; }

    /// <summary>Marks the tool result as an error.</summary>
    public bool? IsError { get; set; }

    /// <summary>Forces (<see langword="true"/>) or skips (<see langword="false"/>) the permission prompt; by default read-only tools skip it.</summary>
    public bool? RequiresPermission { get; set; }

    /// <summary>
    /// For <c>tool_use</c>: the model message's tool_use blocks marked concurrent have their hooks and permission prompts
    /// run at once (every <c>can_use_tool</c> is sent before any answer is awaited), as the CLI does for read-only tools;
    /// the tools then run in block order.
    /// </summary>
    public bool? Concurrent { get; set; }

    /// <summary>
    /// For <c>tool_use</c>: withdraws an unanswered <c>can_use_tool</c> with <c>control_cancel_request</c> after this many
    /// milliseconds (without an interrupt); the tool does not run, its result is the CLI's rejection text, and the turn goes on.
    /// </summary>
    public int? WithdrawPromptAfterMs { get; set; }

    /// <summary>Delay for <c>delay</c>, milliseconds.</summary>
    public int? DelayMs { get; set; }

    /// <summary>Exit code for <c>crash</c> and <c>exit</c>.</summary>
    public int? ExitCode { get; set; }

    /// <summary>Size in bytes for <c>oversized_line</c> and <c>stderr_flood</c>.</summary>
    public long? Bytes { get; set; }

    /// <summary>The JSON object written as one stdout line by <c>emit</c> (<c>uuid</c>/<c>session_id</c> are added when absent).</summary>
    public JsonObject? Message { get; set; }

    /// <summary>For <c>spawn_grandchild</c>: whether the grandchild inherits the stand-in's stdio pipes (default <see langword="true"/>).</summary>
    public bool? InheritStdio { get; set; }
}
