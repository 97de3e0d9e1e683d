using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qoder.AgentSdk;

/// <summary>What a hook callback answers (docs/protocol.md, Hooks). Every field is optional; an empty output lets the agent continue.</summary>
public sealed class QoderHookOutput
{
    /// <summary>Gets or sets a value indicating whether the agent continues; <see langword="false"/> stops it.</summary>
    public bool? Continue { get; set; }

    /// <summary>Gets or sets the reason shown when <see cref="Continue"/> is <see langword="false"/>.</summary>
    public string? StopReason { get; set; }

    /// <summary>Gets or sets a value indicating whether the hook's output is hidden from the transcript.</summary>
    public bool? SuppressOutput { get; set; }

    /// <summary>Gets or sets a message shown to the user.</summary>
    public string? SystemMessage { get; set; }

    /// <summary>Gets or sets the legacy decision (<c>approve</c> or <c>block</c>).</summary>
    public QoderHookDecision? Decision { get; set; }

    /// <summary>Gets or sets the reason for <see cref="Decision"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the event-specific output.</summary>
    public QoderHookSpecificOutput? HookSpecificOutput { get; set; }

    /// <summary>An output that lets the agent continue.</summary>
    /// <returns>The output.</returns>
    public static QoderHookOutput Proceed() => new() { Continue = true };

    /// <summary>An output that stops the agent.</summary>
    /// <param name="stopReason">The reason shown.</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput Stop(string stopReason) => new() { Continue = false, StopReason = stopReason };

    /// <summary>A PreToolUse output that blocks the tool call.</summary>
    /// <param name="reason">The reason the model sees.</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput DenyTool(string reason) => new()
    {
        HookSpecificOutput = new QoderPreToolUseHookOutput { PermissionDecision = QoderHookPermissionDecision.Deny, PermissionDecisionReason = reason },
    };

    /// <summary>A PreToolUse output that allows the tool call without asking, optionally with a replaced input.</summary>
    /// <param name="updatedInput">The input the tool runs with instead (a JSON object).</param>
    /// <param name="reason">The reason for the decision.</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput AllowTool(JsonElement? updatedInput = null, string? reason = null) => new()
    {
        HookSpecificOutput = new QoderPreToolUseHookOutput { PermissionDecision = QoderHookPermissionDecision.Allow, PermissionDecisionReason = reason, UpdatedInput = updatedInput },
    };

    /// <summary>A PreToolUse output that replaces the tool's input and leaves the permission decision to the usual rules.</summary>
    /// <param name="updatedInput">The input the tool runs with instead (a JSON object).</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput UpdateToolInput(JsonElement updatedInput) => new()
    {
        HookSpecificOutput = new QoderPreToolUseHookOutput { UpdatedInput = updatedInput },
    };

    /// <summary>Lets a PreToolUse hook run the tool with a changed typed input (the permission flow goes on as usual).</summary>
    /// <typeparam name="T">The tool's input record.</typeparam>
    /// <param name="updatedInput">The input to run with.</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput UpdateToolInput<T>(T updatedInput)
        where T : Tools.QoderToolInput => UpdateToolInput(Tools.ToolInputJson.Write(updatedInput));

    /// <summary>An output that adds context for the model.</summary>
    /// <param name="hookEvent">The event being answered.</param>
    /// <param name="additionalContext">The text.</param>
    /// <returns>The output.</returns>
    public static QoderHookOutput AddContext(QoderHookEvent hookEvent, string additionalContext) => new()
    {
        HookSpecificOutput = new QoderAdditionalContextHookOutput(hookEvent, additionalContext),
    };

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        HookOutputJson.Set(json, "continue", Continue);
        HookOutputJson.Set(json, "stopReason", StopReason);
        HookOutputJson.Set(json, "suppressOutput", SuppressOutput);
        HookOutputJson.Set(json, "systemMessage", SystemMessage);
        if (Decision is { } decision)
        {
            json["decision"] = decision switch
            {
                QoderHookDecision.Approve => "approve",
                QoderHookDecision.Block => "block",
                _ => throw new InvalidOperationException($"Unknown hook decision {decision}."),
            };
        }

        HookOutputJson.Set(json, "reason", Reason);
        if (HookSpecificOutput is { } specific)
        {
            json["hookSpecificOutput"] = specific.ToJson();
        }

        return json;
    }
}
