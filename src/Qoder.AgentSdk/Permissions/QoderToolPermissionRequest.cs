using System.Text.Json;

namespace Qoder.AgentSdk;

/// <summary>The CLI asks whether a tool call may run (<c>can_use_tool</c>).</summary>
public sealed class QoderToolPermissionRequest
{
    internal QoderToolPermissionRequest(JsonElement raw)
    {
        Raw = raw;
        ToolName = GetString(raw, "tool_name") ?? string.Empty;
        ToolUseId = GetString(raw, "tool_use_id");
        Input = raw.TryGetProperty("input", out var input) ? input.Clone() : default;
        Suggestions = raw.TryGetProperty("permission_suggestions", out var suggestions) ? suggestions.Clone() : null;
        DecisionReason = GetString(raw, "decision_reason");
        Title = GetString(raw, "title");
        AgentId = GetString(raw, "agent_id");
    }

    /// <summary>Gets the tool, such as <c>Write</c>, <c>Bash</c> or <c>mcp__server__tool</c>.</summary>
    public string ToolName { get; }

    /// <summary>Gets the tool's arguments.</summary>
    public JsonElement Input { get; }

    /// <summary>Gets the id of the <c>tool_use</c> block this request is about.</summary>
    public string? ToolUseId { get; }

    /// <summary>Gets the permission updates the CLI suggests (an array of PermissionUpdate objects), if any.</summary>
    public JsonElement? Suggestions { get; }

    /// <summary>Gets why the CLI asks, such as <c>No rule covers this write</c>.</summary>
    public string? DecisionReason { get; }

    /// <summary>Gets a short human-readable title, such as the command line.</summary>
    public string? Title { get; }

    /// <summary>Gets the subagent that wants the tool, if any.</summary>
    public string? AgentId { get; }

    /// <summary>Gets the whole request as the CLI sent it.</summary>
    public JsonElement Raw { get; }

    /// <summary>Reads <see cref="Input"/> as the typed input of a built-in tool, such as <see cref="Tools.QoderBashInput"/>.</summary>
    /// <typeparam name="T">The tool's input record; check <see cref="ToolName"/> first.</typeparam>
    /// <returns>The input.</returns>
    /// <exception cref="QoderProtocolException">The input does not have the record's shape (another tool's, say).</exception>
    public T InputAs<T>()
        where T : Tools.QoderToolInput => Tools.ToolInputJson.Read<T>(Input, ToolName);

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
